"""The multi-class part of the model: class names, logits, temperature, probabilities."""

from __future__ import annotations

import numpy as np

from lossexplorer import losses
from lossexplorer.parts import checks

DEFAULT_CLASSES = ("cat", "dog", "bird")
DEFAULT_PROBABILITIES = (0.7, 0.2, 0.1)
# A class added to the prediction starts with this probability; the others
# keep their ratios and share the rest.
NEW_CLASS_SHARE = 0.05
MIN_CLASSES, MAX_CLASSES = 2, 6
LOGIT_LIMIT = 1.0e4
TEMPERATURE_RANGE = (0.05, 20.0)
# A class with probability exactly 0 gets a logit this far (times the
# temperature) below the largest one: e^-800 is 0 in float64, so the softmax
# reproduces the 0 exactly while every logit stays finite.  Where that would
# leave +-LOGIT_LIMIT, the logit stops at the limit: 2 * LOGIT_LIMIT / T is
# still at least 1000 at the highest temperature, so the 0 stays exact.
_ZERO_GAP = 800.0
# The promise between the two views of the prediction: softmax(logits / T)
# and the stored probabilities never differ by more than this.
AGREEMENT = 1e-12


def logits_for(probs, temperature, centre=0.0) -> np.ndarray:
    """Logits within +-LOGIT_LIMIT whose softmax at ``temperature`` is ``probs``.

    Softmax ignores a common shift; the shift chosen puts the mean of the
    finite logits at ``centre`` (so that dragging a bar does not make every
    logit jump), moved no further than it takes to keep every logit within
    the limit.  Only a class of probability 0 can then still stick out (its
    gap grows with the temperature); it stops at the limit, where the
    softmax still gives it exactly 0.
    """
    positive = probs > 0.0
    with np.errstate(divide="ignore"):
        logp = np.log(probs)
    finite = logp[positive]
    logits = np.empty_like(probs)
    logits[positive] = (finite - finite.sum() / finite.size) * temperature + centre
    top = logits[positive].max()
    logits[~positive] = top - _ZERO_GAP * temperature
    # the shifts allowed: [-LIMIT - min, LIMIT - max]; take the one nearest 0
    low, high = -LOGIT_LIMIT - logits.min(), LOGIT_LIMIT - logits.max()
    shift = high if low > high else min(max(0.0, low), high)
    return np.clip(logits + shift, -LOGIT_LIMIT, LOGIT_LIMIT)


def agree(logits, temperature, probs) -> bool:
    """True when softmax(logits / temperature) is ``probs`` within AGREEMENT."""
    implied = np.asarray(losses.softmax(logits / temperature))
    return bool(np.all(np.abs(implied - probs) <= AGREEMENT))


class MulticlassPart:
    """A multi-class prediction: ``probabilities`` = softmax(``logits`` / ``temperature``).

    Every request method checks its arguments and returns the complete new
    values of all five fields (or raises ``ValueError``); ``apply`` stores
    them.  Logits always lie within +-LOGIT_LIMIT and agree with the
    probabilities to AGREEMENT, so every state is one that can be saved,
    reopened, undone and redone.
    """

    FIELDS = ("classes", "logits", "probabilities", "temperature", "true_class")
    SIGNAL = "multiclass_changed"

    def __init__(self):
        self.classes = DEFAULT_CLASSES
        self.probabilities = np.array(DEFAULT_PROBABILITIES)
        self.temperature = 1.0
        self.logits = logits_for(self.probabilities, 1.0)
        self.true_class = 0

    # ----------------------------------------------------------- requests
    def probability_change(self, i, p) -> dict:
        """Class ``i`` to ``p``; the others keep their ratios (or share 1 - p if all 0)."""
        i = checks.index(i, len(self.classes))
        p = checks.in_range(p, 0.0, 1.0, "A probability")
        probs = self.probabilities.copy()
        others = np.arange(len(probs)) != i
        rest = probs[others].sum()
        if rest > 0.0:
            probs[others] = probs[others] / rest * (1.0 - p)  # divide first: rest may be tiny
        else:
            probs[others] = (1.0 - p) / (len(probs) - 1)
        probs[i] = p
        return self._resolve(probabilities=probs, drag=True)

    def probabilities_change(self, values) -> dict:
        return self._resolve(probabilities=self._probability_vector(values, len(self.classes)))

    def logits_change(self, values) -> dict:
        return self._resolve(logits=self._logit_vector(values, len(self.classes)))

    def logit_change(self, i, value) -> dict:
        i = checks.index(i, len(self.classes))
        logits = self.logits.copy()
        logits[i] = checks.in_range(value, -LOGIT_LIMIT, LOGIT_LIMIT, "A logit")
        return self._resolve(logits=logits)

    def temperature_change(self, t) -> dict:
        return self._resolve(temperature=checks.in_range(t, *TEMPERATURE_RANGE, "The temperature"))

    def true_class_change(self, i) -> dict:
        return self._resolve(true_class=checks.index(i, len(self.classes)))

    def class_name_change(self, i, name) -> dict:
        i = checks.index(i, len(self.classes))
        names = list(self.classes)
        names[i] = checks.name(name)
        return self._resolve(classes=tuple(names))

    def classes_change(self, names) -> dict:
        """New names; a new count keeps the prediction the teacher set up.

        Each added class gets ``NEW_CLASS_SHARE`` and the others keep their
        ratios (1 - k · share between them); removing classes shares their
        probability among the rest in proportion (equally if the rest had
        none).  The logits of the classes that stay do not move.
        """
        names = self._class_names(names)
        n, old = len(names), len(self.classes)
        if n == old:
            return self._resolve(classes=names)
        true_class = min(self.true_class, n - 1)
        t = self.temperature
        if n > old:
            added = n - old
            share = NEW_CLASS_SHARE
            probs = np.concatenate(
                [self.probabilities * (1.0 - added * share), np.full(added, share)]
            )
            # e^(z_new / T) / (sum + added · e^(z_new / T)) = share, the sum in log space
            scaled = self.logits / t
            top = scaled.max()
            log_sum = top + np.log(np.exp(scaled - top).sum())
            z_new = t * (log_sum + np.log(share / (1.0 - added * share)))
            logits = np.concatenate([self.logits, np.full(added, z_new)])
        else:
            kept = self.probabilities[:n]
            rest = kept.sum()
            if rest == 0.0:  # every bit of probability was on the classes removed
                return self._resolve(
                    classes=names, probabilities=np.full(n, 1.0 / n), true_class=true_class
                )
            logits = self.logits[:n]
            # the same as kept / rest, but from the logits: exact where p is subnormal
            probs = losses.softmax(logits / t)
        if np.all(np.abs(logits) <= LOGIT_LIMIT) and agree(logits, t, probs):
            return self._resolve(
                classes=names, probabilities=probs, logits=logits, true_class=true_class
            )
        return self._resolve(classes=names, probabilities=probs, true_class=true_class)

    def state_change(self, state: dict) -> dict:
        """The checked change for this part's entries of a saved state.

        When both logits and probabilities are given they must agree.
        """
        names = self._class_names(state.get("classes", self.classes))
        n = len(names)
        change = {"classes": names}
        if "logits" in state:
            change["logits"] = self._logit_vector(state["logits"], n)
        if "probabilities" in state:
            change["probabilities"] = self._probability_vector(state["probabilities"], n)
        elif n != len(self.classes):
            change["probabilities"] = np.full(n, 1.0 / n)
        if "temperature" in state:
            change["temperature"] = checks.in_range(
                state["temperature"], *TEMPERATURE_RANGE, "The temperature"
            )
        if "logits" in change and "probabilities" in change:
            t = change.get("temperature", self.temperature)
            if not agree(change["logits"], t, change["probabilities"]):
                raise ValueError("The logits and the probabilities do not agree")
        if "true_class" in state:
            change["true_class"] = checks.index(state["true_class"], n)
        elif self.true_class >= n:
            change["true_class"] = 0
        return self._resolve(**change)

    # ------------------------------------------------------------- state
    def apply(self, new: dict) -> frozenset:
        """Store a resolved change; return the names of the fields that changed."""
        changed = frozenset(k for k in self.FIELDS if not _same(getattr(self, k), new[k]))
        for key in changed:
            setattr(self, key, new[key])
        return changed

    def state(self) -> dict:
        """This part's slice of the model's state (plain, JSON-friendly)."""
        return {
            "classes": list(self.classes),
            "logits": [float(v) for v in self.logits],
            "probabilities": [float(v) for v in self.probabilities],
            "temperature": self.temperature,
            "true_class": self.true_class,
        }

    # ----------------------------------------------------------- helpers
    def _resolve(self, drag=False, **change) -> dict:
        """The five fields after ``change``: logits and probabilities kept in step.

        New probabilities without logits get logits centred where the old
        ones were when ``drag`` is true (a bar moves, the logits follow
        smoothly), else centred on 0.  Where the logits that fit within the
        limits cannot give the probabilities to within AGREEMENT, the
        probabilities become what those logits give.
        """
        temperature = change.get("temperature", self.temperature)
        if "probabilities" in change and "logits" in change:
            # a whole state, checked to agree: keep both exactly as saved
            probs = np.asarray(change["probabilities"], dtype=np.float64)
            logits = np.asarray(change["logits"], dtype=np.float64)
        elif "probabilities" in change:
            probs = np.asarray(change["probabilities"], dtype=np.float64)
            if drag and np.array_equal(probs, self.probabilities):
                logits = self.logits
            else:
                centre = _mean(self.logits[self.probabilities > 0.0]) if drag else 0.0
                logits = logits_for(probs, temperature, centre)
                if not _surely_agree(logits, temperature) and not agree(logits, temperature, probs):
                    probs = np.asarray(losses.softmax(logits / temperature))
        elif "logits" in change or "temperature" in change:
            logits = np.asarray(change.get("logits", self.logits), dtype=np.float64)
            if temperature == self.temperature and np.array_equal(logits, self.logits):
                probs = self.probabilities
            else:
                probs = np.asarray(losses.softmax(logits / temperature))
        else:
            logits, probs = self.logits, self.probabilities
        return {
            "classes": change.get("classes", self.classes),
            "logits": logits,
            "probabilities": probs,
            "temperature": temperature,
            "true_class": change.get("true_class", self.true_class),
        }

    @staticmethod
    def _class_names(names) -> tuple[str, ...]:
        if isinstance(names, str) or not isinstance(names, (list, tuple)):
            raise ValueError("The classes must be a list of names")
        if not MIN_CLASSES <= len(names) <= MAX_CLASSES:
            raise ValueError(f"Choose between {MIN_CLASSES} and {MAX_CLASSES} classes")
        return tuple(checks.name(n) for n in names)

    @staticmethod
    def _probability_vector(values, n) -> np.ndarray:
        probs = checks.vector(values, n, "probabilities")
        if np.any((probs < 0.0) | (probs > 1.0)):
            raise ValueError("Every probability must lie between 0 and 1")
        total = probs.sum()
        if abs(total - 1.0) > 1e-9:
            raise ValueError(f"The probabilities must add up to 1, not {total:.6g}")
        return probs if abs(total - 1.0) <= 1e-12 else probs / total

    @staticmethod
    def _logit_vector(values, n) -> np.ndarray:
        logits = checks.vector(values, n, "logits")
        if np.any(np.abs(logits) > LOGIT_LIMIT):
            raise ValueError(f"A logit must lie between -{LOGIT_LIMIT:g} and {LOGIT_LIMIT:g}")
        return logits


def _mean(values) -> float:
    return float(values.sum() / values.size)  # ndarray.mean's overhead, per drag step


def _surely_agree(logits, temperature) -> bool:
    """True when logits made by ``logits_for`` cannot miss AGREEMENT: a cheap test, per drag step.

    The softmax carries the rounding of x = logits / T (a log, a shift, a
    scale, an exp: a few ulps of |x|) into each p; for |x| <= 100 that is
    below 1e-13.  Beyond, and wherever a logit was clipped at the limit
    (|x| >= 500 there), ``agree`` computes it.
    """
    return float(np.abs(logits).max()) <= 100.0 * temperature


def _same(a, b) -> bool:
    if isinstance(a, np.ndarray):  # the arrays' fields hold nothing else
        return a is b or (a.shape == b.shape and bool((a == b).all()))
    return a == b
