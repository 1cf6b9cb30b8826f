"""The `campaignkit` command: check, build, results, preflight."""

import argparse
import os
import sys

from campaignkit import paths
from campaignkit.batch.jobs import CELL_TIMEOUT
from campaignkit.exceptions import BuildInterrupted, CampaignKitError, InvalidCampaign
from campaignkit.text.catalog import describe, word
from campaignkit.text.language import interface_language


def tell(key: str, **params) -> str:
    """The kit's text `cli.<key>` in the interface language."""
    return word(f"cli.{key}", interface_language(), **params)


def cmd_check(args) -> int:
    from campaignkit.data.loader import check_campaign

    data, problems = check_campaign(args.campaign)
    lang = interface_language()
    if problems:
        print(tell("problems_to_fix", n=len(problems)))
        for problem in problems:
            print(f"- {problem.text(lang)}")
        return 1
    where, languages = paths.display(data.root), ", ".join(data.campaign.languages)
    cases, regions, events = len(data.cases), len(data.regions), len(data.events)
    print(
        tell(
            "check_ok",
            where=where,
            cases=cases,
            regions=regions,
            events=events,
            languages=languages,
        )
    )
    return 0


def print_kept_kernels(out_dir):
    """Say so when kernels outlive the build (batch/kept.py), and how to have none."""
    from campaignkit.batch import kept

    count = kept.count(out_dir)
    if count:
        print(tell("kernels_kept", count=count, minutes=round(kept.keep_seconds() / 60)))


def cmd_build(args) -> int:
    from campaignkit.batch import unchanged
    from campaignkit.batch.early import EarlyKernel, changed_since_last_build

    if not args.force:  # nothing changed since the last full build: nothing to read or plan
        asked = unchanged.request(args.campaign, args.region, args.lang, args.material)
        up_to_date = unchanged.jobs_up_to_date(asked, args.out_dir)
        if up_to_date is not None:
            print_kept_kernels(args.out_dir)
            print(tell("build_done", done=0, skipped=up_to_date, failed=0))
            return 0
    likely = args.force or changed_since_last_build(args.campaign, args.out_dir)
    if likely:
        from campaignkit.batch.kept import waiting

        likely = not waiting(args.out_dir)  # a kernel kept by the last build is warm already
    early = EarlyKernel() if likely else None  # starts while the build below plans
    try:
        from campaignkit.batch.build import build

        outcomes = build(
            args.campaign,
            regions=args.region,
            langs=args.lang,
            material_names=args.material,
            jobs=args.jobs,
            out_dir=args.out_dir,
            force=args.force,
            timeout=args.timeout,
            early=early,
        )
    finally:
        if early is not None:
            early.close()
    failed = [outcome for outcome in outcomes if outcome.error]
    stale = sum(outcome.stale for outcome in outcomes if not outcome.error)
    skipped = sum(outcome.skipped for outcome in outcomes)
    done = len(outcomes) - len(failed) - skipped
    print_kept_kernels(args.out_dir)
    print(tell("build_done", done=done, skipped=skipped, failed=len(failed)))
    for outcome in failed:
        print(f"- {outcome.job.label}: {outcome.error}")
        print("  " + tell("executed_notebook", path=paths.display(outcome.executed)))
    if stale:
        print(tell("build_stale", stale=stale))
    return 1 if failed else 0


def cmd_print_shop(args) -> int:
    from campaignkit.batch.print_shop import write_bundle
    from campaignkit.data.loader import load_campaign

    data = load_campaign(args.campaign)
    bundle = write_bundle(data, args.out_dir, args.marks, args.jobs, progress=True)
    print(tell("print_shop", path=paths.display(bundle)))
    return 0


def _print_tallies(results, lang: str) -> None:
    from campaignkit.text.i18n import number, short_date

    data, intake = results.data, results.intake
    region_name = {region.id: region.name[lang] for region in data.regions.values()}
    events = {event.id: event for event in data.events}
    print(tell("tallies_read", read=len(intake.tallies), files=len(intake.files), rows=intake.rows))
    for tally in sorted(intake.tallies.values(), key=lambda tally: tally.file):
        where = region_name[events[tally.event].region]
        people, actions = number(tally.participants, lang), number(tally.actions, lang)
        print(
            "- " + tell("tally_line", file=tally.file, region=where, people=people, actions=actions)
        )
    missing = results.missing()
    print(tell("no_tally_yet", n=len(missing)))
    for event in missing:
        print(f"- {event.id} — {region_name[event.region]}, {short_date(event.date, lang)}")


def _print_totals(results, lang: str) -> None:
    from campaignkit.text.i18n import number, percent

    totals = results.totals()
    counts = {key: number(value, lang) for key, value in totals.items() if isinstance(value, int)}
    print(tell("totals", **counts))
    if totals["goal"]:
        share = percent(totals["actions"] / totals["goal"], lang)
        print(tell("goal", goal=counts["goal"], share=share))
    print(tell("per_case"))
    for case, row in results.cases().iterrows():
        name = results.data.cases[case].name
        letters, cards = number(int(row.letters), lang), number(int(row.cards), lang)
        print("  " + tell("case_line", name=name, letters=letters, cards=cards))
    print(tell("per_region"))
    table = results.regions()
    for region, row in table[table.events_planned > 0].iterrows():
        name = results.data.regions[region].name[lang]
        print("  " + tell("region_line", name=name, actions=number(int(row.actions), lang)))


def cmd_results(args) -> int:
    from campaignkit.data.loader import load_campaign
    from campaignkit.data.results import export, results_of

    results, lang = results_of(load_campaign(args.campaign)), interface_language()
    _print_tallies(results, lang)
    _print_totals(results, lang)
    problems = results.intake.problems
    if problems:
        print(tell("problems_to_fix", n=len(problems)))
        for problem in problems:
            print(f"- {problem.text(lang)}")
        print(tell("results_later"))
        return 1
    for path in export(results, args.out_dir):
        print(tell("written", path=paths.display(path)))
    return 0


def cmd_preflight(args) -> int:
    from campaignkit.printing.preflight import preflight_file

    failures = 0
    for pdf in args.pdf:
        report = preflight_file(pdf, args.pages, bleed=args.bleed)
        print(report.summary())
        failures += not report.ok
    return 1 if failures else 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="campaignkit",
        description=tell("help.description"),
    )
    commands = main.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help=tell("help.check"))
    check.add_argument("campaign", nargs="?", default=str(paths.DEFAULT_CAMPAIGN))
    check.set_defaults(run=cmd_check)
    build = commands.add_parser("build", help=tell("help.build"))
    build.add_argument("campaign", nargs="?", default=str(paths.DEFAULT_CAMPAIGN))
    build.add_argument("--region", action="append", default=[], help=tell("help.region"))
    build.add_argument("--lang", action="append", default=[], help=tell("help.lang"))
    build.add_argument("--material", action="append", default=[], help=tell("help.material"))
    build.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help=tell("help.jobs"))
    build.add_argument("--force", action="store_true", help=tell("help.force"))
    build.add_argument(
        "--timeout",
        type=float,
        default=CELL_TIMEOUT,
        help=tell("help.timeout"),
    )
    build.add_argument(
        "--out-dir", type=paths.working, default=paths.OUTPUTS, help=argparse.SUPPRESS
    )
    build.set_defaults(run=cmd_build)
    shop = commands.add_parser("print-shop", help=tell("help.print_shop"))
    shop.add_argument("campaign", nargs="?", default=str(paths.DEFAULT_CAMPAIGN))
    shop.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help=tell("help.jobs"))
    shop.add_argument(
        "--out-dir", type=paths.working, default=paths.OUTPUTS, help=argparse.SUPPRESS
    )
    shop.add_argument(
        "--marks",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=tell("help.marks"),
    )
    shop.set_defaults(run=cmd_print_shop)
    results = commands.add_parser("results", help=tell("help.results"))
    results.add_argument("campaign", nargs="?", default=str(paths.DEFAULT_CAMPAIGN))
    results.add_argument(
        "--out-dir", type=paths.working, default=paths.OUTPUTS, help=tell("help.results_out_dir")
    )
    results.set_defaults(run=cmd_results)
    preflight = commands.add_parser("preflight", help=tell("help.preflight"))
    preflight.add_argument("pdf", nargs="+")
    preflight.add_argument("--pages", type=int, help=tell("help.pages"))
    preflight.add_argument("--bleed", action="store_true", help=tell("help.bleed"))
    preflight.set_defaults(run=cmd_preflight)
    return main


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except InvalidCampaign as error:
        lang = interface_language()
        for problem in error.problems:
            print(f"- {problem.text(lang)}", file=sys.stderr)
        return 1
    except BuildInterrupted as error:
        print(describe(error, interface_language()), file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print(tell("interrupted"), file=sys.stderr)
        return 130
    except CampaignKitError as error:
        print(tell("error", error=describe(error, interface_language())), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
