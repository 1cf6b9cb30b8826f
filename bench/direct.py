"""Render the documents of a build directly through the package API, in this one process."""

import sys
import time

from campaignkit import load_campaign, produce
from campaignkit.batch.build import plan

start = time.perf_counter()
campaign, out_dir = sys.argv[1], sys.argv[2]
langs = sys.argv[3:]
data = load_campaign(campaign)
pages = 0
for job in plan(data, langs=langs, out_dir=out_dir):
    for material in job.materials:
        pages += produce(
            material, region=job.region, lang=job.lang, out_dir=out_dir, data=data
        ).pages
print(f"{pages} pages in {time.perf_counter() - start:.2f} s")
