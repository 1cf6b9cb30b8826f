"""The editor's interface texts, in French and English."""

WORDS = {
    "title": ("Cahier de coordination", "Coordinator's workbook"),
    "campaign": ("Campagne", "Campaign"),
    "region": ("Région", "Region"),
    "language": ("Langue", "Language"),
    "tab_events": ("Événements", "Events"),
    "tab_cases": ("Cas", "Cases"),
    "tab_tallies": ("Décomptes", "Tallies"),
    "tab_produce": ("Produire", "Produce"),
    "save": ("Enregistrer", "Save"),
    "reload": ("Recharger depuis le disque", "Reload from disk"),
    "reload_tip": (
        "Oublier les modifications non enregistrées et relire le fichier",
        "Forget unsaved changes and read the file again",
    ),
    "unsaved": ("modifications non enregistrées", "unsaved changes"),
    "all_saved": ("tout est enregistré", "everything is saved"),
    "nothing_to_save": ("Rien à enregistrer.", "Nothing to save."),
    "fix_first": (
        "Corrigez les champs signalés en rouge pour pouvoir enregistrer.",
        "Fix the fields marked in red to be able to save.",
    ),
    "saved": (
        "Enregistré : {file}. La version précédente est gardée dans {backups}.",
        "Saved: {file}. The previous version is kept in {backups}.",
    ),
    "saved_new": ("Enregistré : {file} (nouveau fichier).", "Saved: {file} (new file)."),
    "conflict": (
        "Non enregistré : {file} a été modifié sur le disque depuis que vous l'avez ouvert "
        "(par une autre personne ou un autre programme). Rien n'a été écrit et vos "
        "modifications restent à l'écran : copiez-les au besoin, cliquez sur « Recharger "
        "depuis le disque », puis refaites-les.",
        "Not saved: {file} changed on disk since you opened it (someone else or another "
        "program changed it). Nothing was written and your edits are still on screen: copy "
        "them if needed, click 'Reload from disk', then make them again.",
    ),
    "cannot_write": ("Non enregistré : {detail}", "Not saved: {detail}"),
    "data_problems": (
        "Problèmes dans des fichiers que ce cahier ne modifie pas (aperçu et production "
        "impossibles tant qu'ils restent) :",
        "Problems in files this workbook does not edit (no preview or production until "
        "they are fixed):",
    ),
    # events
    "events_of": ("Événements de la région {region}", "Events in {region}"),
    "no_event": (
        "Aucun événement pour l'instant : l'affiche invitera à en organiser un.",
        "No event yet: the poster will invite people to host one.",
    ),
    "add_event": ("Ajouter un événement", "Add an event"),
    "remove_event": ("Retirer cet événement", "Remove this event"),
    "new_event": ("Nouvel événement", "New event"),
    "id": ("Identifiant", "Id"),
    "title_field": ("Titre", "Title"),
    "date": ("Date (AAAA-MM-JJ)", "Date (YYYY-MM-DD)"),
    "start": ("Début (HH:MM)", "Start (HH:MM)"),
    "end": ("Fin (HH:MM)", "End (HH:MM)"),
    "venue": ("Lieu", "Venue"),
    "address": ("Adresse", "Address"),
    "city": ("Ville", "City"),
    "expected_attendance": ("Participation prévue", "Expected attendance"),
    "contact_name": ("Responsable", "Contact"),
    "contact_email": ("Courriel", "E-mail"),
    # cases
    "case": ("Cas", "Case"),
    "cases_intro": (
        "Les textes de chaque cas, français | anglais. Le compteur indique la longueur qui "
        "tient sur l'affiche, la lettre ou la carte.",
        "Each case's texts, French | English. The counter shows the length that fits the "
        "poster, the letter or the card.",
    ),
    "cases_edited": ("{n} cas modifié(s) : {names}", "{n} case(s) edited: {names}"),
    "name": ("Nom", "Name"),
    "country": ("Pays", "Country"),
    "blurb": ("Résumé pour l'affiche", "Poster blurb"),
    "story": ("Histoire", "Story"),
    "demand": ("Demande", "Demand"),
    "target.title": ("Destinataire de la lettre", "Letter addressee"),
    "target.salutation": ("Formule d'appel", "Salutation"),
    "letter": ("Lettre type", "Suggested letter"),
    "card.recipient": ("Carte : destinataire", "Card: recipient"),
    "card.first_name": ("Carte : prénom", "Card: first name"),
    "card.message": ("Carte : message", "Card: message"),
    "card.guidance": ("Carte : conseils", "Card: guidance"),
    "photo.alt": ("Photo : description", "Photo: description"),
    "photo.credit": ("Photo : crédit", "Photo: credit"),
    "other_problems": ("Autres problèmes de ce fichier :", "Other problems in this file:"),
    # tallies
    "tally_event": ("Événement", "Event"),
    "tally_intro": (
        "Recopiez la feuille de décompte de l'événement. Une case vide compte pour 0.",
        "Copy the event's tally sheet. An empty box counts as 0.",
    ),
    "no_event_tally": (
        "Aucun événement dans cette région : rien à décompter.",
        "No event in this region: nothing to tally.",
    ),
    "participants": ("Participants", "Participants"),
    "online": ("Actions en ligne", "Online actions"),
    "letters": ("Lettres", "Letters"),
    "cards": ("Cartes", "Cards"),
    "total": ("Total", "Total"),
    "tally_file": ("Fichier : {file}", "File: {file}"),
    "tally_new": ("(pas encore de fichier)", "(no file yet)"),
    "spreadsheet": (
        "Le décompte de cet événement est dans un classeur ({file}) : modifiez-le dans votre "
        "tableur. Les chiffres ci-dessous sont en lecture seule.",
        "This event's tally is in a spreadsheet ({file}): edit it in your spreadsheet "
        "program. The counts below are read-only.",
    ),
    # produce
    "produce_intro": (
        "Produit les PDF de la région {region} avec les mêmes carnets papermill que "
        "« campaignkit build » ; ils vont dans {out}.",
        "Produces the PDFs of {region} with the same papermill notebooks as "
        "'campaignkit build'; they go to {out}.",
    ),
    "produce": ("Produire les PDF", "Produce the PDFs"),
    "save_first": (
        "Enregistrez d'abord vos modifications : la production lit les fichiers enregistrés.",
        "Save your changes first: production reads the saved files.",
    ),
    "producing": ("Production en cours : {done}/{total}", "Producing: {done}/{total}"),
    "produced": (
        "{done} tâche(s) réussie(s), {failed} en échec.",
        "{done} job(s) done, {failed} failed.",
    ),
    "failed_job": (
        "échec de {label} : {error} — carnet : {notebook}",
        "{label} failed: {error} — notebook: {notebook}",
    ),
    "outputs": ("Vos PDF :", "Your PDFs:"),
    # preview
    "preview": ("Aperçu", "Preview"),
    "material": ("Document", "Document"),
    "preview_paused": (
        "Aperçu en pause : corrigez les champs signalés en rouge.",
        "Preview paused: fix the fields marked in red.",
    ),
    "preview_off": ("Aperçu indisponible : {detail}", "No preview: {detail}"),
    "preview_time": ("Mis à jour en {seconds} s.", "Updated in {seconds} s."),
    "poster": ("Affiche", "Poster"),
    "casebook": ("Fiches des cas", "Case sheets"),
    "letters_material": ("Lettres types", "Letters"),
    "cards_material": ("Cartes de solidarité", "Solidarity cards"),
    "tally": ("Feuille de décompte", "Tally sheet"),
    "summary": ("Bilan", "Summary"),
}

MATERIAL_WORDS = {"letters": "letters_material", "cards": "cards_material"}


def t(key: str, lang: str, **params) -> str:
    """The interface text `key` in `lang` (fr or en)."""
    fr, en = WORDS[key]
    return (fr if lang == "fr" else en).format(**params)


def material_label(name: str, lang: str) -> str:
    key = MATERIAL_WORDS.get(name, name)
    return t(key, lang) if key in WORDS else name
