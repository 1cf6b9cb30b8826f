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
    "reload": ("Revenir à la version enregistrée", "Back to the saved version"),
    "reload_tip": (
        "Oublier les modifications non enregistrées",
        "Forget the changes not saved yet",
    ),
    "reload_confirm": (
        "Oublier vos modifications non enregistrées de {what} ?",
        "Forget your unsaved changes to {what}?",
    ),
    "reload_yes": ("Oui, les oublier", "Yes, forget them"),
    "cancel": ("Annuler", "Cancel"),
    "unsaved": ("modifications non enregistrées", "unsaved changes"),
    "all_saved": ("tout est enregistré", "everything is saved"),
    "nothing_to_save": ("Rien à enregistrer.", "Nothing to save."),
    "fix_first": (
        "Pour enregistrer, il reste à remplir ou corriger : {fields}.",
        "To save, still to fill in or correct: {fields}.",
    ),
    "saved": (
        "Enregistré : {file}. La version précédente reste dans « Versions ».",
        "Saved: {file}. The previous version stays in 'Versions'.",
    ),
    "saved_new": ("Enregistré : {file} (première version).", "Saved: {file} (first version)."),
    "conflict": (
        "Non enregistré : {file} a changé depuis que vous l'avez ouvert (une autre personne "
        "l'a enregistré). Rien n'a été écrit et vos modifications restent à l'écran : "
        "copiez-les au besoin, cliquez sur « Revenir à la version enregistrée », puis "
        "refaites-les.",
        "Not saved: {file} changed since you opened it (someone else saved it). Nothing was "
        "written and your edits are still on screen: copy them if needed, click 'Back to "
        "the saved version', then make them again.",
    ),
    "merged": (
        "Entre-temps, d'autres personnes ont enregistré : {names} ; leurs changements sont "
        "gardés et affichés.",
        "Meanwhile others saved: {names}; their changes are kept and shown.",
    ),
    "conflict_records": (
        "Non enregistré : dans {file}, ce que vous avez modifié a aussi été modifié et "
        "enregistré par quelqu'un d'autre entre-temps. Rien n'a été écrit. Voici les deux "
        "versions (la vôtre, puis l'autre) ; vos modifications restent à l'écran. Copiez ce "
        "que vous voulez garder, cliquez sur « Revenir à la version enregistrée », puis "
        "refaites-le.",
        "Not saved: in {file}, what you changed was also changed and saved by someone else "
        "meanwhile. Nothing was written. Here are both versions (yours, then theirs); your "
        "edits stay on screen. Copy what you want to keep, click 'Back to the saved "
        "version', then make it again.",
    ),
    "conflict_field": (
        "{field} : la vôtre « {mine} », l'autre « {theirs} »",
        "{field}: yours '{mine}', theirs '{theirs}'",
    ),
    "conflict_removed": (
        "retiré par l'autre personne ; vous l'avez modifié",
        "removed by the other person; you changed it",
    ),
    "conflict_you_removed": (
        "vous l'avez retiré ; l'autre personne l'a modifié",
        "you removed it; the other person changed it",
    ),
    "what_events": ("la liste des événements", "the list of events"),
    "what_case": ("le cas « {name} »", "the case '{name}'"),
    "what_tally": ("le décompte de « {event} »", "the tally of '{event}'"),
    "cannot_write": ("Non enregistré : {detail}", "Not saved: {detail}"),
    "region_failed": (
        "Impossible d'afficher cette région ({detail}) : la page reste sur la précédente.",
        "This region cannot be shown ({detail}): the page stays on the previous one.",
    ),
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
    "remove_confirm": (
        "Retirer « {title} » de la liste ? (Rien n'est effacé avant « Enregistrer ».)",
        "Remove '{title}' from the list? (Nothing is deleted before 'Save'.)",
    ),
    "remove_yes": ("Oui, retirer", "Yes, remove"),
    "duplicate_event": ("Dupliquer", "Duplicate"),
    "event_n": ("Événement {n}", "Event {n}"),
    "new_event": ("Nouvel événement", "New event"),
    "id": ("Identifiant", "Id"),
    "title_field": ("Titre", "Title"),
    "date": ("Date", "Date"),
    "start": ("Début", "Start"),
    "end": ("Fin", "End"),
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
    "tally_unreadable": (
        "Le décompte de cet événement ne peut pas être lu ({detail}). Les autres événements "
        "et onglets restent utilisables.",
        "This event's tally cannot be read ({detail}). The other events and tabs still work.",
    ),
    "tally_new": ("Pas encore de décompte pour cet événement.", "No tally for this event yet."),
    "spreadsheet": (
        "Le décompte de cet événement a été reçu sous forme de classeur : modifiez-le dans "
        "votre tableur (Excel, LibreOffice). Les chiffres ci-dessous sont en lecture seule.",
        "This event's tally came as a spreadsheet: edit it in your spreadsheet program "
        "(Excel, LibreOffice). The counts below are read-only.",
    ),
    # produce
    "produce_intro": (
        "Produit les PDF de la région {region}, tels qu'ils seront imprimés ; une fois "
        "prêts, ils s'ouvrent ci-dessous.",
        "Produces the PDFs of {region}, as they will be printed; once ready, open them below.",
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
    "failed_job": ("échec de {label} : {error}", "{label} failed: {error}"),
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
    "preview_of": ("{material} — {region} ({language})", "{material} — {region} ({language})"),
    "preview_alt": (
        "Aperçu : {material}, région {region}, en {language}, page {page}",
        "Preview: {material}, {region}, in {language}, page {page}",
    ),
    "preview_wait": ("Mise à jour de l'aperçu…", "Updating the preview…"),
    "preview_language": ("Langue de l'aperçu", "Preview language"),
    "lang_fr": ("français", "French"),
    "lang_en": ("anglais", "English"),
    "interface_language": ("Langue de la page", "Page language"),
    # versions
    "versions": ("Versions enregistrées", "Saved versions"),
    "versions_of": ("Versions enregistrées ({what})", "Saved versions ({what})"),
    "versions_none": (
        "Aucune version précédente pour l'instant : chaque enregistrement en garde une.",
        "No earlier version yet: each save keeps one.",
    ),
    "version_restore": ("Rétablir", "Restore"),
    "version_line": ("{when} — {what}", "{when} — {what}"),
    "version_current": ("version actuelle", "current version"),
    "restore_confirm": (
        "Rétablir la version du {when} ? Elle sera enregistrée ; la version actuelle "
        "restera dans cette liste (on peut donc revenir en arrière).",
        "Restore the version of {when}? It will be saved; the current version stays in "
        "this list (so this can be undone).",
    ),
    "restore_yes": ("Oui, rétablir", "Yes, restore"),
    "restored": (
        "Version du {when} rétablie et enregistrée. Pour annuler, rétablissez la version "
        "précédente dans la liste.",
        "Version of {when} restored and saved. To undo, restore the previous version in the list.",
    ),
    "restore_unsaved": (
        "Enregistrez ou oubliez d'abord vos modifications en cours.",
        "Save or forget your current changes first.",
    ),
    "diff_added": ("ajouté : {names}", "added: {names}"),
    "diff_removed": ("retiré : {names}", "removed: {names}"),
    "diff_changed": ("modifié : {names}", "changed: {names}"),
    "diff_lines": ("{n} ligne(s) modifiée(s)", "{n} line(s) changed"),
    "diff_none": ("aucun changement pour cette région", "no change for this region"),
    # the page around the workbook
    "page_title": ("Cahier de coordination", "Coordinator's workbook"),
    "page_loading": ("Ouverture du cahier…", "Opening the workbook…"),
    "login_explain": (
        "Cette page est protégée. Ouvrez l'adresse complète (avec « ?token=… ») que "
        "vous a donnée la personne qui a lancé le cahier, ou collez le jeton ici.",
        "This page is protected. Open the full address (with '?token=…') given by the "
        "person who started the workbook, or paste the token here.",
    ),
    "login_label": ("Jeton ou mot de passe", "Token or password"),
    "login_button": ("Entrer", "Enter"),
    "login_wrong": ("Ce jeton n'est pas le bon.", "This token is not the right one."),
    "download": ("Télécharger", "Download"),
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
