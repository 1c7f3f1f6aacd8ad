"""The parts the shared model is made of, each Qt-free and validating its own fields.

A part owns some fields of ``ExplorerModel``'s state.  It turns a request
(a setter's arguments, or the part's slice of a saved state) into a checked
change, raising ``ValueError`` before anything changes, and applies a checked
change, returning the names of the fields that really changed.  The model
composes the parts and turns those names into Qt signals; a new kind of
state (training, say) is one more part.
"""

from lossexplorer.parts.binary import BinaryPart
from lossexplorer.parts.multiclass import MulticlassPart

__all__ = ["BinaryPart", "MulticlassPart"]
