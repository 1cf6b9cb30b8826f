"""`make bench`: speed figures from one run (issue 6 adds the build measurements here).

Editor preview latency: the poster re-rendered in-process as the editor does after an
edit (WeasyPrint warm, PNG in memory, nothing written), median of 20 (target ≤ 0.5 s).
"""

import statistics
import sys

from campaignkit import load_campaign, paths
from campaignkit.preview import latency

TARGET = 0.5


def preview_latency(campaign=paths.DEFAULT_CAMPAIGN, region="montreal", runs=20) -> float:
    data = load_campaign(campaign)
    return statistics.median(latency(data, "poster", region, "fr", runs=runs))


def main() -> int:
    median = preview_latency()
    verdict = "OK" if median <= TARGET else "MISSED"
    label = "editor preview latency (poster, median of 20)"
    print(f"{label}: {median:.3f} s  target ≤ {TARGET} s  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
