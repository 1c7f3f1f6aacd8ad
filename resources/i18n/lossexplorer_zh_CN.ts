<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../lossexplorer/export.py" line="120"/>
        <source>Export as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/export.py" line="121"/>
        <source>Export as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/export.py" line="122"/>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/export.py" line="130"/>
        <location filename="../../lossexplorer/export.py" line="135"/>
        <source>Export as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/export.py" line="130"/>
        <source>Scale (2 for slides):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/export.py" line="135"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/export.py" line="144"/>
        <source>Export as SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/export.py" line="144"/>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="289"/>
        <source>lossexplorer — why classification uses cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="291"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="291"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="292"/>
        <source>&amp;Scenarios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="292"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="293"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="293"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="294"/>
        <source>Presentation size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="299"/>
        <source>&amp;Open scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="300"/>
        <source>&amp;Save scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="301"/>
        <source>Export window as &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="302"/>
        <source>&amp;Copy window image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="303"/>
        <source>Export numbers as C&amp;SV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="304"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="305"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="306"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="307"/>
        <source>Reset to the seed example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="308"/>
        <source>&amp;Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="309"/>
        <source>Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="310"/>
        <source>Hide numbers (quiz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="311"/>
        <source>Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="312"/>
        <source>&amp;About lossexplorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="317"/>
        <source>Hide every loss value so the class can predict it; press again to reveal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="319"/>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BinaryLossPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="274"/>
        <source>z (the logit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="274"/>
        <source>loss L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="276"/>
        <source>|dL/dz|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="277"/>
        <source>True label y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="278"/>
        <source>y = {y}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="279"/>
        <source>MSE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="280"/>
        <source>cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="281"/>
        <source>|dMSE/dz|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="282"/>
        <source>|dCE/dz|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="283"/>
        <source>MSE gradient
vanishes here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="284"/>
        <source>Close-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="285"/>
        <source>Wide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="286"/>
        <source>z from −1 to 1, as in seed 003</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="287"/>
        <source>z from −10 to 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="288"/>
        <source>Show |dL/dz|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="289"/>
        <source>log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="290"/>
        <source>dMSE/dz = {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/binary_loss.py" line="291"/>
        <source>dCE/dz = {value}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalculationPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/calculation.py" line="72"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; the cross-entropy sum written out with today&apos;s numbers: the one-hot label keeps only the true class&apos;s term, so the loss is −log p&lt;sub&gt;true&lt;/sub&gt;.&lt;/p&gt;&lt;p&gt;Below it, the same loss as one line of PyTorch, with the current logits; Copy puts it on the clipboard to paste into a notebook.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/calculation.py" line="81"/>
        <source>The same in PyTorch (softmax, then −log p of the true class):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/calculation.py" line="83"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/calculation.py" line="84"/>
        <source>Copy this line of PyTorch to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/calculation.py" line="110"/>
        <source>Step {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DockTitle</name>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="87"/>
        <source>What does this panel show?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="88"/>
        <source>Float or dock this panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="89"/>
        <source>Close this panel (View menu brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogitsPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/logits.py" line="161"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; the same prediction before the softmax. A network outputs logits z; the softmax turns them into probabilities: divide by the temperature T, take e&lt;sup&gt;z/T&lt;/sup&gt;, divide by the sum.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; drag a logit bar or type a value — the probability bars move too. Adding the same number to every logit changes nothing. Lower T makes the prediction sharper, higher T flattens it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/logits.py" line="171"/>
        <source>Logits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/logits.py" line="172"/>
        <source>Temperature T:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/logits.py" line="175"/>
        <source>The logits are divided by T before the softmax: small T sharpens, big T flattens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/logits.py" line="182"/>
        <source>class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/logits.py" line="183"/>
        <source>logit &lt;i&gt;z&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/logits.py" line="186"/>
        <source>÷ Σ = &lt;i&gt;p&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/logits.py" line="190"/>
        <source>logit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../lossexplorer/layouts.py" line="31"/>
        <source>Multi-class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/layouts.py" line="32"/>
        <source>Binary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/layouts.py" line="33"/>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="359"/>
        <source>Could not open the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="361"/>
        <source>Opened {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="369"/>
        <source>Could not save the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="371"/>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="376"/>
        <source>Open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="376"/>
        <location filename="../../lossexplorer/mainwindow.py" line="386"/>
        <source>lossexplorer scenarios (*.lossx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="384"/>
        <source>Save scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="395"/>
        <source>Export window as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="395"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="398"/>
        <location filename="../../lossexplorer/mainwindow.py" line="408"/>
        <source>Could not export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="402"/>
        <source>Export numbers as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="402"/>
        <source>CSV file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="470"/>
        <source>&lt;h3&gt;lossexplorer {version}&lt;/h3&gt;&lt;p&gt;Shows why classification uses cross-entropy: drag the probabilities, slide the label, and watch −log p and MSE side by side.&lt;/p&gt;&lt;p&gt;Free software under the MIT licence.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="475"/>
        <source>About lossexplorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/mainwindow.py" line="502"/>
        <source>The saved window layout could not be read; using the default layout.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <location filename="../../lossexplorer/panels/base.py" line="64"/>
        <source>About this panel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <location filename="../../lossexplorer/panels/__init__.py" line="34"/>
        <source>Probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/__init__.py" line="38"/>
        <source>Loss readout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/__init__.py" line="39"/>
        <source>Logits and softmax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/__init__.py" line="40"/>
        <source>Penalty curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/__init__.py" line="41"/>
        <source>Calculation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PenaltyPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/penalty.py" line="92"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; the penalty each loss gives as a function of p, the probability of the true class. The dots are the current prediction; the open circles are the seed&apos;s table (p = 0.99, 0.5, 0.1, 0.01).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; drag the true bar towards 0. −log p rises without limit; 1 − p and the Brier score stay below 1 and 2. The chart stops at 5 and says when the dot is above it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;It shows:&lt;/b&gt; cross-entropy punishes confident mistakes far harder.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/penalty.py" line="103"/>
        <source>p = probability of the true class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/penalty.py" line="103"/>
        <source>penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/penalty.py" line="106"/>
        <source>cross-entropy −log p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/penalty.py" line="107"/>
        <source>naive 1 − p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/penalty.py" line="108"/>
        <source>Brier score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/penalty.py" line="127"/>
        <source>↑ −log p = ∞, off the top of the chart:
p = 0 can never be forgiven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/penalty.py" line="130"/>
        <source>↑ −log p = {ce} is off the top of the chart
(the view stops at {top}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProbabilitiesPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/probabilities.py" line="127"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; the model&apos;s prediction for one picture — one bar per class, the heights add up to 1. The green bar is the true class.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; drag the true class&apos;s bar down towards 0 and watch the cross-entropy explode, while 1 − p only creeps up to 1. Click a bar and use ↑/↓ for steps of 0.01 (Shift: 0.1). Choose the true class below, rename the classes, or use up to 6.&lt;/p&gt;&lt;p&gt;&lt;b&gt;It shows:&lt;/b&gt; only the true class&apos;s probability matters for cross-entropy; the other bars just share what is left.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/probabilities.py" line="138"/>
        <source>The picture really is a:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/probabilities.py" line="139"/>
        <source>Class names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/probabilities.py" line="140"/>
        <source>Classes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/probabilities.py" line="143"/>
        <source>Drag a bar (or click it and press ↑/↓, Shift for bigger steps): the other bars rescale so the total stays 1. Drags snap to 0.01; hold Ctrl for any value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/probabilities.py" line="147"/>
        <source>probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/probabilities.py" line="167"/>
        <source>true</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProbabilityLossPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/ce_prob.py" line="100"/>
        <source>ŷ (predicted probability of class 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/ce_prob.py" line="100"/>
        <source>loss L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/ce_prob.py" line="102"/>
        <source>cross-entropy (current y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/ce_prob.py" line="103"/>
        <source>MSE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/ce_prob.py" line="104"/>
        <source>−log ŷ  (y = 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/ce_prob.py" line="105"/>
        <source>−log(1 − ŷ)  (y = 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/ce_prob.py" line="106"/>
        <source>ŷ = σ(z) = {y_hat}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/ce_prob.py" line="107"/>
        <source>cross-entropy = {ce}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/ce_prob.py" line="108"/>
        <source>MSE = {mse}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/ce_prob.py" line="110"/>
        <source>▲ The point is above the top of the plot: cross-entropy = {ce} at ŷ = {y_hat}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RacePanel</name>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="219"/>
        <source>z (the logit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="219"/>
        <source>loss L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="220"/>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="220"/>
        <source>loss L (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="221"/>
        <source>Confidently wrong start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="222"/>
        <source>z = −6 and y = 1: sure of the wrong answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="223"/>
        <source>Learning rate η:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="224"/>
        <source>Speed of the animation, in steps per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="225"/>
        <source>{n} steps/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="226"/>
        <source>▶ Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="227"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="228"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="229"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="230"/>
        <source>step {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="231"/>
        <source>{name}: reached after {n} steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="232"/>
        <source>{name}: not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="233"/>
        <source>MSE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/race.py" line="233"/>
        <source>Cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadoutPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/readout.py" line="61"/>
        <source>&lt;p&gt;&lt;b&gt;What you see:&lt;/b&gt; three ways to score the same prediction.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cross-entropy&lt;/b&gt; −log p&lt;sub&gt;true&lt;/sub&gt;: what PyTorch&apos;s F.cross_entropy computes. &lt;b&gt;1 − p&lt;/b&gt;: the naive penalty. &lt;b&gt;Brier score&lt;/b&gt;: the squared distance between the probabilities and the one-hot label.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; make the model confidently wrong (p&lt;sub&gt;true&lt;/sub&gt; = 0.01). 1 − p barely changes (0.99), −log p jumps to 4.6 — and to ∞ at p = 0.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/readout.py" line="71"/>
        <source>Cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/readout.py" line="72"/>
        <source>Naive penalty 1 − p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/readout.py" line="73"/>
        <source>Brier score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/readout.py" line="90"/>
        <source>p = 0 for the true class: the model has completely ruled out the right answer, so the loss is infinite. A model must never do that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/readout.py" line="96"/>
        <source>Numbers hidden: predict the loss, then reveal.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Scenarios</name>
    <message>
        <location filename="../../lossexplorer/scenarios.py" line="57"/>
        <source>Seed example: cat 0.7 / dog 0.2 / bird 0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/scenarios.py" line="59"/>
        <source>Seed&apos;s wrong example: 0.1 / 0.8 / 0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/scenarios.py" line="61"/>
        <source>Uniform: no idea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/scenarios.py" line="63"/>
        <source>Confident and right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/scenarios.py" line="65"/>
        <source>Confident and wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/scenarios.py" line="68"/>
        <source>Binary: y = 1, z = −6 (confidently wrong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/scenarios.py" line="70"/>
        <source>Binary: y = 1, z = 0 (unsure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/scenarios.py" line="73"/>
        <source>Binary: y = 1, z = +6 (confidently right)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SigmoidPanel</name>
    <message>
        <location filename="../../lossexplorer/panels/sigmoid.py" line="185"/>
        <source>z (the logit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/sigmoid.py" line="185"/>
        <source>ŷ = σ(z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/sigmoid.py" line="186"/>
        <source>z =</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/sigmoid.py" line="187"/>
        <source>Drag the line (or anywhere on the plot), or type z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/sigmoid.py" line="188"/>
        <source>z = {z}
ŷ = σ(z) = {y_hat}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/sigmoid.py" line="189"/>
        <source>z = {z}  (← off the plot)
ŷ = σ(z) = {y_hat}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lossexplorer/panels/sigmoid.py" line="190"/>
        <source>z = {z}  (off the plot →)
ŷ = σ(z) = {y_hat}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
