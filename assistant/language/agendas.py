"""How a meeting's agenda is written: its heading ("ORDRE DU JOUR", "Ordre du jour :", "ODJ") and
its numbered points ("1.", "2)", "3 –", "Point 4 :", sub-points "2.1"). The parser reads the points
as the meeting's séances (`ingest/programme/agenda.py`); the answers count them
(`assistant/answering/agenda_points.py`)."""

from __future__ import annotations

import re

# The agenda's heading alone on its line, on folded text.
HEADING = re.compile(r"^\W*(?:ordre du jour|odj)\W*$")
# A point's number: "1.", "2)", "3 –", "Point 4 :", "2.1", "2.1." (not "12 mars", nor a time).
POINT_NUMBER = re.compile(r"^(?P<word>point\s+(?:n\s*°\s*)?)?(?P<n>\d{1,2})(?:\.(?P<sub>\d{1,2}))?"
                          r"(?P<sep>\s*[.)]|\s+[–—:-])?\s+(?=\S)", re.IGNORECASE)
