"""The `campaignkit` command: check, build, results, preflight."""

import argparse
import os
import sys

from campaignkit import paths
from campaignkit.exceptions import CampaignKitError, InvalidCampaign
from campaignkit.text.language import interface_language


def say(fr: str, en: str) -> str:
    return fr if interface_language() == "fr" else en


def cmd_check(args) -> int:
    from campaignkit.data.loader import check_campaign

    data, problems = check_campaign(args.campaign)
    lang = interface_language()
    if problems:
        print(
            say(f"{len(problems)} problème(s) à corriger :", f"{len(problems)} problem(s) to fix:")
        )
        for problem in problems:
            print(f"- {problem.text(lang)}")
        return 1
    where, languages = paths.display(data.root), ", ".join(data.campaign.languages)
    cases, regions, events = len(data.cases), len(data.regions), len(data.events)
    print(
        say(
            f"OK : {where} — {cases} cas, {regions} régions, {events} événements, "
            f"langues {languages}.",
            f"OK: {where} — {cases} cases, {regions} regions, {events} events, "
            f"languages {languages}.",
        )
    )
    return 0


def cmd_build(args) -> int:
    from campaignkit.batch.build import build

    outcomes = build(
        args.campaign,
        regions=args.region,
        langs=args.lang,
        material_names=args.material,
        jobs=args.jobs,
        out_dir=args.out_dir,
        force=args.force,
    )
    failed = [outcome for outcome in outcomes if outcome.error]
    skipped = sum(outcome.skipped for outcome in outcomes)
    done = len(outcomes) - len(failed) - skipped
    print(
        say(
            f"{done} tâche(s) réussie(s), {skipped} déjà à jour, {len(failed)} en échec.",
            f"{done} job(s) done, {skipped} up to date, {len(failed)} failed.",
        )
    )
    for outcome in failed:
        print(f"- {outcome.job.label}: {outcome.error}")
        print(say("  carnet exécuté : ", "  executed notebook: ") + paths.display(outcome.executed))
    return 1 if failed else 0


def cmd_print_shop(args) -> int:
    from campaignkit.batch.print_shop import write_bundle
    from campaignkit.data.loader import load_campaign

    bundle = write_bundle(load_campaign(args.campaign), args.out_dir, marks=args.marks)
    print(say("Lot pour l'imprimeur : ", "Print-shop bundle: ") + paths.display(bundle))
    return 0


def _print_tallies(results, lang: str) -> None:
    from campaignkit.text.i18n import number, short_date

    data, intake = results.data, results.intake
    region_name = {region.id: region.name[lang] for region in data.regions.values()}
    events = {event.id: event for event in data.events}
    print(
        say(
            f"Décomptes lus : {len(intake.tallies)} sur {len(intake.files)} fichier(s), "
            f"{intake.rows} ligne(s).",
            f"Tallies read: {len(intake.tallies)} of {len(intake.files)} file(s), "
            f"{intake.rows} row(s).",
        )
    )
    for tally in sorted(intake.tallies.values(), key=lambda tally: tally.file):
        where = region_name[events[tally.event].region]
        people, actions = number(tally.participants, lang), number(tally.actions, lang)
        print(f"- {tally.file} — {where}, {people} participants, {actions} actions")
    missing = results.missing()
    print(
        say(
            f"Sans décompte : {len(missing)} événement(s).",
            f"No tally yet: {len(missing)} event(s).",
        )
    )
    for event in missing:
        print(f"- {event.id} — {region_name[event.region]}, {short_date(event.date, lang)}")


def _print_totals(results, lang: str) -> None:
    from campaignkit.text.i18n import number, percent

    totals = results.totals()
    counts = {key: number(value, lang) for key, value in totals.items() if isinstance(value, int)}
    print(
        say(
            "Totaux : {events_held} marathon(s) sur {events_planned}, {participants} participants, "
            "{letters} lettres, {cards} cartes, {online} actions en ligne, {actions} actions.",
            "Totals: {events_held} of {events_planned} event(s), {participants} participants, "
            "{letters} letters, {cards} cards, {online} online actions, {actions} actions.",
        ).format(**counts)
    )
    if totals["goal"]:
        share = percent(totals["actions"] / totals["goal"], lang)
        print(say(f"Objectif : {counts['goal']} ({share}).", f"Goal: {counts['goal']} ({share})."))
    print(say("Par cas (lettres, cartes) :", "Per case (letters, cards):"))
    for case, row in results.cases().iterrows():
        name = results.data.cases[case].name
        letters, cards = number(int(row.letters), lang), number(int(row.cards), lang)
        print(f"  {name}{say(' : ', ': ')}{letters}, {cards}")
    print(say("Par région (actions) :", "Per region (actions):"))
    table = results.regions()
    for region, row in table[table.events_planned > 0].iterrows():
        name = results.data.regions[region].name[lang]
        print(f"  {name}{say(' : ', ': ')}{number(int(row.actions), lang)}")


def cmd_results(args) -> int:
    from campaignkit.data.loader import load_campaign
    from campaignkit.data.results import export, results_of

    results, lang = results_of(load_campaign(args.campaign)), interface_language()
    _print_tallies(results, lang)
    _print_totals(results, lang)
    problems = results.intake.problems
    if problems:
        print(
            say(f"{len(problems)} problème(s) à corriger :", f"{len(problems)} problem(s) to fix:")
        )
        for problem in problems:
            print(f"- {problem.text(lang)}")
        print(
            say(
                "results.csv et results.xlsx seront écrits une fois tout corrigé.",
                "results.csv and results.xlsx will be written once everything is fixed.",
            )
        )
        return 1
    for path in export(results, args.out_dir):
        print(say("Écrit : ", "Written: ") + paths.display(path))
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
        description="Matériel imprimé d'une campagne d'écriture / "
        "print materials for a letter-writing campaign",
    )
    commands = main.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="valider les données / validate the data")
    check.add_argument("campaign", nargs="?", default=str(paths.DEFAULT_CAMPAIGN))
    check.set_defaults(run=cmd_check)
    build = commands.add_parser("build", help="produire les PDF / produce the PDFs")
    build.add_argument("campaign", nargs="?", default=str(paths.DEFAULT_CAMPAIGN))
    build.add_argument("--region", action="append", default=[], help="region id (repeatable)")
    build.add_argument("--lang", action="append", default=[], help="fr or en (repeatable)")
    build.add_argument("--material", action="append", default=[], help="material (repeatable)")
    build.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="parallel workers")
    build.add_argument("--force", action="store_true", help="rebuild even unchanged outputs")
    build.add_argument("--out-dir", default=str(paths.OUTPUTS), help=argparse.SUPPRESS)
    build.set_defaults(run=cmd_build)
    shop = commands.add_parser(
        "print-shop", help="lot pour l'imprimeur / print-shop bundle (after build)"
    )
    shop.add_argument("campaign", nargs="?", default=str(paths.DEFAULT_CAMPAIGN))
    shop.add_argument("--out-dir", default=str(paths.OUTPUTS), help=argparse.SUPPRESS)
    shop.add_argument(
        "--marks",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="traits de coupe hors du fond perdu / crop marks outside the bleed (--no-marks: none)",
    )
    shop.set_defaults(run=cmd_print_shop)
    results = commands.add_parser(
        "results", help="lire les décomptes, totaliser / read the tallies, add them up"
    )
    results.add_argument("campaign", nargs="?", default=str(paths.DEFAULT_CAMPAIGN))
    results.add_argument("--out-dir", default=str(paths.OUTPUTS), help="where results.csv go")
    results.set_defaults(run=cmd_results)
    preflight = commands.add_parser("preflight", help="vérifier des PDF / check PDFs")
    preflight.add_argument("pdf", nargs="+")
    preflight.add_argument("--pages", type=int, help="expected page count of each PDF")
    preflight.add_argument("--bleed", action="store_true", help="require trim and bleed boxes")
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
    except CampaignKitError as error:
        print(say("Erreur : ", "Error: ") + str(error), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
