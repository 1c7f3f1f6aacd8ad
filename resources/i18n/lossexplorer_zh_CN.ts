<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BinaryLossPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="+306"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; two losses of the same prediction, over z: MSE ½(y − σ(z))² and binary cross-entropy −[y log ŷ + (1 − y) log(1 − ŷ)]. The slider sets the true label y.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; with y = 1, look left of 0. Cross-entropy keeps rising in a straight line, MSE flattens out at ½. Tick “Show |dL/dz|” (and the log scale): the shaded region is where the model is confidently wrong, and there the MSE gradient vanishes while cross-entropy&apos;s stays near 1. Gradient descent follows the gradient, so MSE learns slowly exactly when the model is most wrong.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;这里显示：&lt;/b&gt;同一个预测的两种损失随 z 的变化：MSE ½(y − σ(z))² 和二分类交叉熵 −[y log ŷ + (1 − y) log(1 − ŷ)]。滑块设置真实标签 y。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;取 y = 1，看 0 的左边。交叉熵沿一条直线不断上升，MSE 却在 ½ 处变平。勾选“显示 |dL/dz|”（再勾选对数坐标）：阴影区域是模型自信地犯错的地方，在那里 MSE 的梯度消失了，而交叉熵的梯度仍接近 1。梯度下降是沿着梯度走的，所以恰恰在模型错得最离谱的时候，MSE 学得最慢。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>z (the logit)</source>
        <translation>z（logit）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>loss L</source>
        <translation>损失 L</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>|dL/dz|</source>
        <translation>|dL/dz|</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>True label y:</source>
        <translation>真实标签 y：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>y = {y}</source>
        <translation>y = {y}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>|dMSE/dz|</source>
        <translation>|dMSE/dz|</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>|dCE/dz|</source>
        <translation>|dCE/dz|</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MSE gradient
vanishes here</source>
        <translation>MSE 的梯度
在这里消失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close-up</source>
        <translation>局部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wide</source>
        <translation>全局</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>z from −1 to 1, as in seed 003</source>
        <translation>z 从 −1 到 1，与原文 003 相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>z from −10 to 10</source>
        <translation>z 从 −10 到 10</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show |dL/dz|</source>
        <translation>显示 |dL/dz|</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dMSE/dz = {value}</source>
        <translation>dMSE/dz = {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dCE/dz = {value}</source>
        <translation>dCE/dz = {value}</translation>
    </message>
</context>
<context>
    <name>CalculationPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/calculation.py" line="+157"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; the cross-entropy sum written out with today&apos;s numbers: the one-hot label keeps only the true class&apos;s term, so the loss is −log p&lt;sub&gt;true&lt;/sub&gt;.&lt;/p&gt;&lt;p&gt;Below it, the same loss as one line of PyTorch, with the current logits; Copy puts it on the clipboard to paste into a notebook.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;这里显示：&lt;/b&gt;用当前数值展开的交叉熵求和式：one-hot 标签只留下真实类别那一项，所以损失就是 −log p&lt;sub&gt;true&lt;/sub&gt;。&lt;/p&gt;&lt;p&gt;下面是同一个损失的一行 PyTorch 代码，用的是当前的 logits；点“复制”会把它放到剪贴板，可以直接粘贴到笔记本里运行。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The same in PyTorch (softmax, then −log p of the true class):</source>
        <translation>用 PyTorch 算同一个损失（先做 softmax，再取真实类别的 −log p）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy this line of PyTorch to the clipboard</source>
        <translation>把这行 PyTorch 代码复制到剪贴板</translation>
    </message>
    <message>
        <location line="-71"/>
        <location line="+108"/>
        <source>Step {n}</source>
        <translation>第 {n} 步</translation>
    </message>
</context>
<context>
    <name>CaptionBand</name>
    <message>
        <location filename="../../lossexplorer/story_player.py" line="+258"/>
        <source>Previous step (PageUp, ←)</source>
        <translation>上一步（PageUp、←）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step (PageDown, →, Space, Enter)</source>
        <translation>下一步（PageDown、→、空格、回车）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the story (Esc)</source>
        <translation>退出故事（Esc）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(No caption yet: Story → Edit the story…)</source>
        <translation>（还没有说明文字：故事 → 编辑故事…）</translation>
    </message>
</context>
<context>
    <name>CeProbPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/ce_prob.py" line="+172"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; the loss as a function of the prediction ŷ itself. The two thin curves are the two halves of cross-entropy: −log ŷ when the label is 1 and −log(1 − ŷ) when it is 0. The thick curve is the combination for the current y; the orange one is MSE.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; move ŷ towards the wrong end: cross-entropy shoots up without limit, MSE never exceeds ½.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;这里显示：&lt;/b&gt;损失作为预测值 ŷ 本身的函数。两条细曲线是交叉熵的两半：标签为 1 时是 −log ŷ，标签为 0 时是 −log(1 − ŷ)。粗曲线是当前 y 对应的组合；橙色的是 MSE。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;把 ŷ 移向错误的一端：交叉熵无限飙升，MSE 却永远不超过 ½。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ŷ (predicted probability of class 1)</source>
        <translation>ŷ（预测为类别 1 的概率）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss L</source>
        <translation>损失 L</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cross-entropy (current y)</source>
        <translation>交叉熵（当前 y）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>−log ŷ  (y = 1)</source>
        <translation>−log ŷ（y = 1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>−log(1 − ŷ)  (y = 0)</source>
        <translation>−log(1 − ŷ)（y = 0）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ŷ = σ(z) = {y_hat}</source>
        <translation>ŷ = σ(z) = {y_hat}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cross-entropy = {ce}</source>
        <translation>交叉熵 = {ce}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSE = {mse}</source>
        <translation>MSE = {mse}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>▲ off the plot</source>
        <translation>▲ 超出图外</translation>
    </message>
</context>
<context>
    <name>ClassNames</name>
    <message>
        <location filename="../../lossexplorer/i18n.py" line="+60"/>
        <source>cat</source>
        <translation>猫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dog</source>
        <translation>狗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bird</source>
        <translation>鸟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fish</source>
        <translation>鱼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>horse</source>
        <translation>马</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>frog</source>
        <translation>青蛙</translation>
    </message>
</context>
<context>
    <name>DockTitle</name>
    <message>
        <location filename="../../lossexplorer/docks.py" line="+101"/>
        <source>What does this panel show?</source>
        <translation>这个面板展示什么？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Float or dock this panel</source>
        <translation>浮动或停靠此面板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close this panel (View menu brings it back)</source>
        <translation>关闭此面板（可从“视图”菜单恢复）</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../lossexplorer/export.py" line="+175"/>
        <source>The image could not be encoded.</source>
        <translation>无法生成图像。</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export as SVG…</source>
        <translation>导出为 SVG…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy image</source>
        <translation>复制图像</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+11"/>
        <source>Export as PNG</source>
        <translation>导出为 PNG</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Scale (2 for slides):</source>
        <translation>放大倍数（做幻灯片用 2）：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export as SVG</source>
        <translation>导出为 SVG</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Could not save the image</source>
        <translation>无法保存图像</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../lossexplorer/atomic.py" line="+45"/>
        <source>Could not write {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>it is a folder.</source>
        <translation>这是一个文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the folder {0} does not exist.</source>
        <translation>文件夹 {0} 不存在。</translation>
    </message>
</context>
<context>
    <name>LogitsPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/logits.py" line="+305"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; the same prediction before the softmax. A network outputs logits z; the softmax turns them into probabilities: divide by the temperature T, take e&lt;sup&gt;z/T&lt;/sup&gt;, divide by the sum.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; drag a logit bar or type a value — the probability bars move too. Adding the same number to every logit changes nothing. Lower T makes the prediction sharper, higher T flattens it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;这里显示：&lt;/b&gt;softmax 之前的同一个预测。网络输出的是 logits z；softmax 把它们变成概率：先除以温度 T，再取 e&lt;sup&gt;z/T&lt;/sup&gt;，最后除以总和。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;拖动一根 logit 柱子或输入一个数值——概率柱子也会跟着变。给每个 logit 都加上同一个数，结果不变。T 越小预测越尖锐，T 越大预测越平坦。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Logits:</source>
        <translation>Logits：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temperature T:</source>
        <translation>温度 T：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The logits are divided by T before the softmax: small T sharpens, big T flattens.</source>
        <translation>softmax 之前先把 logits 除以 T：T 小则更尖锐，T 大则更平坦。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>logit &lt;i&gt;z&lt;/i&gt;</source>
        <translation>logit &lt;i&gt;z&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>÷ Σ = &lt;i&gt;p&lt;/i&gt;</source>
        <translation>÷ Σ = &lt;i&gt;p&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>logit</source>
        <translation>logit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../lossexplorer/layouts.py" line="+41"/>
        <source>Multi-class</source>
        <translation>多分类</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Binary</source>
        <translation>二分类</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="+89"/>
        <source>lossexplorer — why classification uses cross-entropy</source>
        <translation>lossexplorer — 为什么分类要用交叉熵</translation>
    </message>
    <message>
        <location filename="../../lossexplorer/actions.py" line="+118"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scenarios</source>
        <translation>情景(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Presentation size</source>
        <translation>演示缩放</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>&amp;Open scenario…</source>
        <translation>打开情景(&amp;O)…</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>S&amp;tory</source>
        <translation>故事(&amp;T)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Save scenario…</source>
        <translation>保存情景(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export window as &amp;PNG…</source>
        <translation>将窗口导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy window image</source>
        <translation>复制窗口图像(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export numbers as C&amp;SV…</source>
        <translation>将数值导出为 CSV(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reset to the seed example</source>
        <translation>恢复原文示例</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next step	PageDown, →, Space</source>
        <translation>下一步	PageDown、→、空格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous step	PageUp, ←</source>
        <translation>上一步	PageUp、←</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First step	Home</source>
        <translation>第一步	Home</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last step	End</source>
        <translation>最后一步	End</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the current state as a step</source>
        <translation>把当前状态添加为一步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit the story…</source>
        <translation>编辑故事…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave the story	Esc</source>
        <translation>退出故事	Esc</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Presentation mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hide numbers (quiz)</source>
        <translation>隐藏数值（测验）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spotlight this panel</source>
        <translation>聚焦此面板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One panel fills the window (or double-click its title); F6 or Esc brings the lesson back.</source>
        <translation>让一个面板占满窗口（也可双击它的标题）；按 F6 或 Esc 恢复原来的布局。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ring round the pointer (presentation)</source>
        <translation>指针光圈（演示模式）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Black screen</source>
        <translation>黑屏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>White screen</source>
        <translation>白屏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave the spotlight or blank screen</source>
        <translation>退出聚焦或黑屏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About lossexplorer</source>
        <translation>关于 lossexplorer(&amp;A)</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Hide every loss value so the class can predict it; press again to reveal.</source>
        <translation>隐藏所有损失值，让学生先预测；再按一次揭晓答案。</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="+87"/>
        <source>Could not open the scenario</source>
        <translation>无法打开情景</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opened {0}</source>
        <translation>已打开 {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not save the scenario</source>
        <translation>无法保存情景</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+31"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Copied a picture of the window</source>
        <translation>已复制窗口图片</translation>
    </message>
    <message>
        <location filename="../../lossexplorer/files.py" line="+48"/>
        <source>Open scenario</source>
        <translation>打开情景</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>lossexplorer scenarios (*.lossx)</source>
        <translation>lossexplorer 情景 (*.lossx)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Save scenario</source>
        <translation>保存情景</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export window as PNG</source>
        <translation>将窗口导出为 PNG</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="+19"/>
        <source>Could not export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../../lossexplorer/files.py" line="+9"/>
        <source>Export numbers as CSV</source>
        <translation>将数值导出为 CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="+12"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>&lt;h3&gt;lossexplorer {version}&lt;/h3&gt;&lt;p&gt;Shows why classification uses cross-entropy: drag the probabilities, slide the label, and watch −log p and MSE side by side.&lt;/p&gt;&lt;p&gt;Free software under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;lossexplorer {version}&lt;/h3&gt;&lt;p&gt;演示分类为什么要用交叉熵：拖动概率、滑动标签，并排观察 −log p 和 MSE 的变化。&lt;/p&gt;&lt;p&gt;自由软件，采用 MIT 许可证。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>About lossexplorer</source>
        <translation>关于 lossexplorer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The saved window layout could not be read; using the default layout.</source>
        <translation>无法读取保存的窗口布局，已改用默认布局。</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <location filename="../../lossexplorer/panels/__init__.py" line="+50"/>
        <source>Probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss readout</source>
        <translation>损失读数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Readout</source>
        <translation>读数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logits and softmax</source>
        <translation>Logits 与 softmax</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Logits</source>
        <translation>Logits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penalty curves</source>
        <translation>惩罚曲线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Penalty</source>
        <translation>惩罚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calculation</source>
        <translation>计算过程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sigmoid</source>
        <translation>Sigmoid 函数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSE vs cross-entropy</source>
        <translation>MSE 与交叉熵</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MSE vs CE</source>
        <translation>MSE 与交叉熵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cross-entropy over ŷ</source>
        <translation>交叉熵随 ŷ 的变化</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CE over ŷ</source>
        <translation>交叉熵与 ŷ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient-descent race</source>
        <translation>梯度下降赛跑</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Race</source>
        <translation>赛跑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training controls</source>
        <translation>训练控制</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Controls</source>
        <translation>控制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision maps: MSE vs cross-entropy</source>
        <translation>决策图：MSE 与交叉熵</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Maps</source>
        <translation>决策图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
</context>
<context>
    <name>PenaltyPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/penalty.py" line="+116"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; the penalty each loss gives as a function of p, the probability of the true class. The dots are the current prediction; the open circles are the seed&apos;s table (p = 0.99, 0.5, 0.1, 0.01).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; drag the true bar towards 0. −log p rises without limit; 1 − p and the Brier score stay below 1 and 2. The chart stops at 5 and says when the dot is above it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;It shows:&lt;/b&gt; cross-entropy punishes confident mistakes far harder.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;这里显示：&lt;/b&gt;每种损失给出的惩罚，横轴 p 是真实类别的概率。实心点是当前的预测；空心圆是原文表格里的几个点（p = 0.99、0.5、0.1、0.01）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;把真实类别的柱子拖向 0。−log p 无限上升；1 − p 和 Brier 分数分别不会超过 1 和 2。图表只画到 5，点超出时会有文字提示。&lt;/p&gt;&lt;p&gt;&lt;b&gt;结论：&lt;/b&gt;交叉熵对自信的错误惩罚得重得多。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>p = probability of the true class</source>
        <translation>p = 真实类别的概率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>penalty</source>
        <translation>惩罚</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cross-entropy −log p</source>
        <translation>交叉熵 −log p</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>naive 1 − p</source>
        <translation>朴素的 1 − p</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brier score</source>
        <translation>Brier 分数</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+14"/>
        <source>↑ −log p = ∞, off the top of the chart:
p = 0 can never be forgiven.</source>
        <translation>↑ −log p = ∞，超出图表顶部：
p = 0 绝不可原谅。</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+13"/>
        <source>↑ −log p = {ce} is off the top of the chart
(the view stops at {top}).</source>
        <translation>↑ −log p = {ce}，超出图表顶部
（纵轴只画到 {top}）。</translation>
    </message>
</context>
<context>
    <name>ProbabilitiesPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/probabilities.py" line="+312"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; the model&apos;s prediction for one picture — one bar per class, the heights add up to 1. The green bar is the true class.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; drag the true class&apos;s bar down towards 0 and watch the cross-entropy explode, while 1 − p only creeps up to 1. Click a bar and use ↑/↓ for steps of 0.01 (Shift: 0.1). Choose the true class below, rename the classes, or use up to 6.&lt;/p&gt;&lt;p&gt;&lt;b&gt;It shows:&lt;/b&gt; only the true class&apos;s probability matters for cross-entropy; the other bars just share what is left.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;这里显示：&lt;/b&gt;模型对一张图片的预测——每个类别一根柱子，高度加起来等于 1。绿色柱子是真实类别。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;把真实类别的柱子往下拖向 0，看交叉熵爆炸式增长，而 1 − p 最多只慢慢涨到 1。点击一根柱子后可以用 ↑/↓ 每次调 0.01（按住 Shift：0.1）。在下方可以选择真实类别、给类别改名，或者最多用 6 个类别。&lt;/p&gt;&lt;p&gt;&lt;b&gt;结论：&lt;/b&gt;交叉熵只看真实类别的概率；其他柱子只是分掉剩下的部分。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The picture really is a:</source>
        <translation>图片其实是：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class names:</source>
        <translation>类别名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classes:</source>
        <translation>类别数：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drag a bar (or click it and press ↑/↓, Shift for bigger steps): the other bars rescale so the total stays 1. Drags snap to 0.01; hold Ctrl for any value.</source>
        <translation>拖动柱子（或点击后按 ↑/↓，按住 Shift 步子更大）：其他柱子按比例缩放，总和保持为 1。拖动以 0.01 为单位对齐；按住 Ctrl 可取任意值。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{name} (true)</source>
        <translation>{name}（真实）</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../lossexplorer/i18n.py" line="+144"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>快捷方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alias</source>
        <comment>macOS Finder</comment>
        <translation>替身</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-10"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RacePanel</name>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="+434"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; plain gradient descent on z, twice from the same start with the same learning rate: once following the MSE gradient, once the cross-entropy gradient. Left: the two runners on their loss curves; right: the loss after each step.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; press Play from the confidently wrong start (z = −6, y = 1). Cross-entropy reaches the goal (|y − σ(z)| &amp;lt; 0.1, the shaded band) in a few steps; MSE crawls for hundreds. Change the learning rate and race again.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;这里显示：&lt;/b&gt;对 z 做最普通的梯度下降，从同一个起点、用同一个学习率跑两遍：一遍沿 MSE 的梯度，一遍沿交叉熵的梯度。左图：两名选手在各自的损失曲线上；右图：每一步之后的损失。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;从自信地犯错的起点（z = −6，y = 1）按“▶ 播放”。交叉熵几步就到达终点（|y − σ(z)| &amp;lt; 0.1，即阴影带）；MSE 却要爬上几百步。换一个学习率，再比一次。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>z (the logit)</source>
        <translation>z（logit）</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>loss L</source>
        <translation>损失 L</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confidently wrong start</source>
        <translation>自信犯错的起点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>z = −6 and y = 1: sure of the wrong answer</source>
        <translation>z = −6 且 y = 1：对错误答案深信不疑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate η:</source>
        <translation>学习率 η：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speed of the animation, in steps per second</source>
        <translation>动画速度，单位为每秒步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> steps/s</source>
        <translation> 步/秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: reached after {n} steps</source>
        <translation>{name}：{n} 步后到达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: not yet (step {n})</source>
        <translation>{name}：尚未到达（第 {n} 步）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
</context>
<context>
    <name>ReadoutPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/readout.py" line="+128"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; three ways to score the same prediction.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cross-entropy&lt;/b&gt; −log p&lt;sub&gt;true&lt;/sub&gt;: what PyTorch&apos;s F.cross_entropy computes. &lt;b&gt;1 − p&lt;/b&gt;: the naive penalty. &lt;b&gt;Brier score&lt;/b&gt;: the squared distance between the probabilities and the one-hot label.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; make the model confidently wrong (p&lt;sub&gt;true&lt;/sub&gt; = 0.01). 1 − p barely changes (0.99), −log p jumps to 4.6 — and to ∞ at p = 0.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;这里显示：&lt;/b&gt;给同一个预测打分的三种方法。&lt;/p&gt;&lt;p&gt;&lt;b&gt;交叉熵&lt;/b&gt; −log p&lt;sub&gt;true&lt;/sub&gt;：就是 PyTorch 的 F.cross_entropy 算出的值。&lt;b&gt;1 − p&lt;/b&gt;：朴素的惩罚。&lt;b&gt;Brier 分数&lt;/b&gt;：概率与 one-hot 标签之间距离的平方。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;让模型自信地犯错（p&lt;sub&gt;true&lt;/sub&gt; = 0.01）。1 − p 几乎不变（0.99），−log p 却跳到 4.6——p = 0 时更是变成 ∞。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Naive penalty</source>
        <translation>朴素惩罚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brier score</source>
        <translation>Brier 分数</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>p = 0 for the true class: the model has completely ruled out the right answer, so the loss is infinite. A model must never do that.</source>
        <translation>真实类别的 p = 0：模型完全否认了正确答案，所以损失为无穷大。绝不允许模型这样做。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Numbers hidden: predict the loss, then reveal.</source>
        <translation>数值已隐藏：先预测损失，再揭晓答案。</translation>
    </message>
</context>
<context>
    <name>Scenarios</name>
    <message>
        <location filename="../../lossexplorer/scenarios.py" line="+80"/>
        <source>Seed example: cat 0.7 / dog 0.2 / bird 0.1</source>
        <translation>原文示例：猫 0.7 / 狗 0.2 / 鸟 0.1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed&apos;s wrong example: 0.1 / 0.8 / 0.1</source>
        <translation>原文的错误示例：0.1 / 0.8 / 0.1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uniform: no idea</source>
        <translation>均匀分布：毫无头绪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confident and right</source>
        <translation>自信且正确</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confident and wrong</source>
        <translation>自信但错误</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Binary: y = 1, z = −6 (confidently wrong)</source>
        <translation>二分类：y = 1，z = −6（自信地犯错）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Binary: y = 1, z = 0 (unsure)</source>
        <translation>二分类：y = 1，z = 0（拿不准）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Binary: y = 1, z = +6 (confidently right)</source>
        <translation>二分类：y = 1，z = +6（自信且正确）</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The file contains {0}, which is not a number a scenario can hold.</source>
        <translation>文件中含有 {0}，这不是情景可以保存的数值。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The scenario&apos;s story cannot be used: {0}</source>
        <translation>情景中的故事无法使用：{0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file is too large to be a lossexplorer scenario.</source>
        <translation>文件太大，不可能是 lossexplorer 情景文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file is nested too deeply to be a scenario.</source>
        <translation>文件嵌套层数太深，不可能是情景文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file is damaged or not a scenario (JSON error at line {0}).</source>
        <translation>文件已损坏或不是情景文件（第 {0} 行有 JSON 错误）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This is not a lossexplorer scenario file.</source>
        <translation>这不是 lossexplorer 情景文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scenario file has no valid format version.</source>
        <translation>情景文件没有有效的格式版本号。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scenario was saved by a newer lossexplorer (format {0}); this one reads format {1}.</source>
        <translation>该情景由较新版本的 lossexplorer 保存（格式 {0}）；当前版本只能读取格式 {1}。</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>The scenario file holds no state.</source>
        <translation>情景文件中没有任何状态。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The scenario has an unknown entry {0}.</source>
        <translation>情景中有未知的条目 {0}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scenario&apos;s {0} has the wrong type.</source>
        <translation>情景中 {0} 的类型不对。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+9"/>
        <source>The scenario&apos;s {0} is far too long.</source>
        <translation>情景中的 {0} 太长了。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+8"/>
        <source>The scenario&apos;s {0} holds values of the wrong type.</source>
        <translation>情景中的 {0} 含有类型不对的值。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The scenario&apos;s {0} holds a value that is not finite.</source>
        <translation>情景中的 {0} 含有不是有限数的值。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file holds a number too large for a scenario.</source>
        <translation>文件中的数字太大，情景文件无法保存。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The file could not be read: {0}.</source>
        <translation>无法读取文件：{0}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a file (a folder, a pipe or a device): it is not a scenario.</source>
        <translation>这不是普通文件（而是文件夹、管道或设备），因此不是情景文件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The file is not text: it is not a lossexplorer scenario.</source>
        <translation>这不是文本文件，因此不是 lossexplorer 情景文件。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The scenario holds an impossible value: {0}</source>
        <translation>情景中含有不可能的值：{0}</translation>
    </message>
</context>
<context>
    <name>SigmoidPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/sigmoid.py" line="+201"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; the sigmoid ŷ = σ(z) = 1/(1 + e&lt;sup&gt;−z&lt;/sup&gt;), which turns the network&apos;s last number z (the logit) into a probability between 0 and 1. The dashed lines are the asymptotes 0 and 1: σ gets close but never reaches them.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; drag the line (or anywhere on the plot), or type z. At z = −6 the model says ŷ = 0.002: if the picture really is a cat (y = 1), it is confidently wrong. Notice how flat σ is out there — that flatness is what slows MSE down.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;这里显示：&lt;/b&gt;Sigmoid 函数 ŷ = σ(z) = 1/(1 + e&lt;sup&gt;−z&lt;/sup&gt;)，它把网络最后输出的那个数 z（logit）变成 0 到 1 之间的概率。两条虚线是渐近线 0 和 1：σ 无限接近它们，但永远达不到。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;拖动竖线（或在图上任意位置拖动），或者输入 z。z = −6 时模型给出 ŷ = 0.002：如果图片其实是猫（y = 1），它就是自信地犯了错。注意那一段 σ 有多平——正是这种平坦让 MSE 学得很慢。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>z (the logit)</source>
        <translation>z（logit）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ŷ = σ(z)</source>
        <translation>ŷ = σ(z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>z =</source>
        <translation>z =</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag the line (or anywhere on the plot), or type z.</source>
        <translation>拖动竖线（或图上任意位置），或者输入 z。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>z = {z}
ŷ = {y_hat}</source>
        <translation>z = {z}
ŷ = {y_hat}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>z = {z}
(← off the plot)
ŷ = {y_hat}</source>
        <translation>z = {z}
（← 超出图外）
ŷ = {y_hat}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>z = {z}
(off the plot →)
ŷ = {y_hat}</source>
        <translation>z = {z}
（超出图外 →）
ŷ = {y_hat}</translation>
    </message>
</context>
<context>
    <name>Stories</name>
    <message>
        <location filename="../../lossexplorer/story_player.py" line="-208"/>
        <source>Multi-class story (seed 000)</source>
        <translation>多分类故事（种子 000）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binary story (seed 003)</source>
        <translation>二分类故事（种子 003）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training story (seed 003)</source>
        <translation>训练故事（种子 003）</translation>
    </message>
</context>
<context>
    <name>StoryEditor</name>
    <message>
        <location line="+592"/>
        <source>Edit the story</source>
        <translation>编辑故事</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete step</source>
        <translation>删除这一步</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Caption in English</source>
        <translation>英文说明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Caption in Chinese</source>
        <translation>中文说明</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The caption of step {0} is too long: at most {1} characters.</source>
        <translation>第 {0} 步的说明太长：最多 {1} 个字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The caption of step {0} holds a control character.</source>
        <translation>第 {0} 步的说明含有控制字符。</translation>
    </message>
</context>
<context>
    <name>TrainingControlsPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/training_controls.py" line="+240"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; the controls of the two runs. Both take plain gradient-descent steps with the same learning rate from the same start: one on MSE, one on cross-entropy.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Start:&lt;/b&gt; small random weights, or &lt;b&gt;confidently wrong&lt;/b&gt; ones that point the wrong way; the scale slider makes them bigger, until the sigmoid saturates. &lt;b&gt;Model:&lt;/b&gt; logistic regression (two classes), softmax (two or three), or one hidden layer of 8 tanh units, for data no line can separate (two moons, XOR).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; confidently wrong, scale 1, Play: cross-entropy is 90% right in a few steps, MSE needs hundreds. Then drag the scale to 5.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;你看到的：&lt;/b&gt;两次训练的控制。两者从同一起点、以相同的学习率做普通的梯度下降：一次用 MSE，一次用交叉熵。&lt;/p&gt;&lt;p&gt;&lt;b&gt;起点：&lt;/b&gt;小的随机权重，或&lt;b&gt;自信犯错&lt;/b&gt;的权重，方向是错的；缩放滑块让它们变大，直到 sigmoid 饱和。&lt;b&gt;模型：&lt;/b&gt;逻辑回归（两类）、softmax（两类或三类），或带 8 个 tanh 单元的一个隐藏层，用于任何直线都分不开的数据（双月、XOR）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试试：&lt;/b&gt;自信犯错，缩放 1，播放：交叉熵几步就有 90% 正确，MSE 要几百步。再把缩放拖到 5。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both runs back to step 0</source>
        <translation>两次训练都回到第 0 步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 step/s</source>
        <translation>1 步/秒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} steps/s</source>
        <translation>{0} 步/秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speed of the animation, in steps per second</source>
        <translation>动画速度，单位为每秒步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate η:</source>
        <translation>学习率 η：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same for both runs</source>
        <translation>两次训练使用相同的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start:</source>
        <translation>起点：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Small random</source>
        <translation>小的随机值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confidently wrong</source>
        <translation>自信犯错</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confidently wrong: weights that point the wrong way, as big as the scale says</source>
        <translation>自信犯错：方向错误的权重，大小由缩放决定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scale:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How big the start&apos;s weights are: large ones saturate the sigmoid</source>
        <translation>起点权重的大小：权重很大时 sigmoid 会饱和</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logistic (two classes)</source>
        <translation>逻辑回归（两类）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One hidden layer</source>
        <translation>一个隐藏层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No start is wrong on all these points: it is wrong at the class centres.</source>
        <translation>没有对所有这些点都错的起点：起点改为在各类中心处犯错。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No start is wrong on these points: it is small random.</source>
        <translation>没有对这些点犯错的起点：改用小的随机起点。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {name} run diverged at step {n}: lower the learning rate.</source>
        <translation>{name} 训练在第 {n} 步发散：请降低学习率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step {n} is the last one: Reset to run again.</source>
        <translation>第 {n} 步是最后一步：按“重置”重新开始。</translation>
    </message>
</context>
<context>
    <name>TrainingCurvesPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/training_curves.py" line="+186"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; for both runs, after each step, the loss, the share of points the model gets right, and the length of the gradient (log scale). Below: the step at which each run first got 90% of the points right.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; a confidently wrong start. Cross-entropy&apos;s gradient is large where the model is wrong, and it gets there in a few steps; MSE&apos;s gradient is tiny (the sigmoid is flat there), so it crawls for hundreds. Raise the start&apos;s scale and watch MSE&apos;s gradient fall by orders of magnitude.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;你看到的：&lt;/b&gt;两次训练每一步后的损失、模型判对的点所占比例，以及梯度的长度（对数刻度）。下方：每次训练首次有 90% 的点正确时是第几步。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试试：&lt;/b&gt;自信犯错的起点。模型错的地方交叉熵的梯度很大，几步就到位；MSE 的梯度很小（那里的 sigmoid 很平），要爬几百步。调大起点的缩放，看 MSE 的梯度下降好几个数量级。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the loss on a log scale</source>
        <translation>以对数刻度显示损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points right (%)</source>
        <translation>正确的点 (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{name}: 90% right at step {n}</source>
        <translation>{name}：第 {n} 步达到 90% 正确</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: not yet 90% right (step {n})</source>
        <translation>{name}：尚未达到 90% 正确（第 {n} 步）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
</context>
<context>
    <name>TrainingDataPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/training_data.py" line="+57"/>
        <source>Two separable blobs</source>
        <translation>两团可分开的点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two overlapping blobs</source>
        <translation>两团重叠的点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two blobs, 10% of labels flipped</source>
        <translation>两团点，10% 的标签被翻转</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three blobs (cat / dog / bird)</source>
        <translation>三团点（猫 / 狗 / 鸟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>XOR</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The file could not be read: {0}.</source>
        <translation>无法读取该文件：{0}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This is not a file (a folder, a pipe or a device).</source>
        <translation>这不是文件（而是文件夹、管道或设备）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file is too large (more than 1 MB) to hold at most {0} points.</source>
        <translation>文件太大（超过 1 MB），而点最多只能有 {0} 个。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The file is not text (UTF-8): it cannot be a CSV of points.</source>
        <translation>该文件不是文本（UTF-8），不可能是点的 CSV 文件。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Line {0}: expected three values (x1,x2,label), found {1}.</source>
        <translation>第 {0} 行：应有三个值（x1,x2,label），实际有 {1} 个。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The file holds more than {0} points.</source>
        <translation>文件中的点超过 {0} 个。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Line {0}: the line cannot be read as CSV.</source>
        <translation>第 {0} 行：无法按 CSV 读取这一行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file holds no points.</source>
        <translation>文件中没有点。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Line {0}: {1} is not a number.</source>
        <translation>第 {0} 行：{1} 不是数字。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Line {0}: a coordinate must lie between −{1:g} and {1:g}, not {2}.</source>
        <translation>第 {0} 行：坐标必须在 −{1:g} 到 {1:g} 之间，而不是 {2}。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Line {0}: the label must be 0 (cat), 1 (dog) or 2 (bird), not {1}.</source>
        <translation>第 {0} 行：标签必须是 0（猫）、1（狗）或 2（鸟），而不是 {1}。</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; the points both runs learn from, in the class colours (cat, dog, bird). Both runs, MSE and cross-entropy, start again whenever the data change.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; choose a class and click an empty spot to add a point; drag a point to move it; click a point and press Delete to remove it. &lt;b&gt;Presets&lt;/b&gt; gives ready-made data (two moons and XOR need the hidden layer); &lt;b&gt;Load CSV&lt;/b&gt; reads a file of x1,x2,label rows (labels 0 cat, 1 dog, 2 bird). Ctrl+Z undoes an edit.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;你看到的：&lt;/b&gt;两次训练（MSE 和交叉熵）共同学习的数据点，按类别着色（猫、狗、鸟）。数据一改，两次训练就一起从头开始。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试试：&lt;/b&gt;选一个类别，点击空白处添加一个点；拖动一个点来移动它；点击一个点再按 Delete 删除它。&lt;b&gt;预设&lt;/b&gt;提供现成的数据（双月和 XOR 需要隐藏层）；&lt;b&gt;加载 CSV&lt;/b&gt; 读取每行为 x1,x2,label 的文件（标签 0 猫、1 狗、2 鸟）。Ctrl+Z 撤销一次编辑。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Clicks add a point of this class</source>
        <translation>点击即添加一个此类别的点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete point</source>
        <translation>删除点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected point (Delete key)</source>
        <translation>删除选中的点（Delete 键）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load CSV…</source>
        <translation>加载 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read points from a file of x1,x2,label rows</source>
        <translation>从每行为 x1,x2,label 的文件读取点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} points</source>
        <translation>{0} 个点</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Could not add the point</source>
        <translation>无法添加该点</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Load points</source>
        <translation>加载点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not load the points</source>
        <translation>无法加载这些点</translation>
    </message>
</context>
<context>
    <name>TrainingMapsPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/training_maps.py" line="+239"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; the same model trained on the same points from the same start, with MSE (left) and with cross-entropy (right). Each spot of the plane has the colour of the class the model predicts there: pale where it is unsure, strong where it is sure. The black line is the decision boundary.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; press Play from a confidently wrong start: the two maps begin as the same picture, wrong everywhere. Cross-entropy&apos;s map turns round within a few steps; MSE&apos;s gradient has all but vanished, and its map barely moves for hundreds of steps.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;你看到的：&lt;/b&gt;同一个模型，在同样的点上、从同一起点训练，左边用 MSE，右边用交叉熵。平面上每处的颜色是模型在那里预测的类别：不确定处颜色淡，确定处颜色深。黑线是决策边界。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试试：&lt;/b&gt;从自信犯错的起点按播放：两张图起初一模一样，处处都错。交叉熵的图几步就翻转过来；MSE 的梯度几乎消失，它的图几百步都几乎不动。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step {0} · {1}% right</source>
        <translation>第 {0} 步 · {1}% 正确</translation>
    </message>
</context>
</TS>
