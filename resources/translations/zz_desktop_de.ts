<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <source>No system keyring is available, so the profile is protected by a passphrase.
Please enter the passphrase:</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar, daher ist das Profil mit einer Passphrase geschützt.
Bitte die Passphrase eingeben:</translation>
    </message>
    <message>
        <source>No system keyring is available, so the new profile is protected by a passphrase.
Choose a passphrase (it cannot be recovered):</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar, daher wird das neue Profil mit einer Passphrase geschützt.
Bitte eine Passphrase wählen (sie kann nicht wiederhergestellt werden):</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Details of the item</source>
        <translation>Angaben zum Beitrag</translation>
    </message>
    <message>
        <source>Text of the item</source>
        <translation>Text des Beitrags</translation>
    </message>
    <message>
        <source>&amp;Edit …</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>P&amp;ropose for review</source>
        <translation>Zur Prüfung &amp;vorschlagen</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Veröffentlichen</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Zurückziehen</translation>
    </message>
    <message>
        <source>Save as P&amp;DF …</source>
        <translation>Als P&amp;DF speichern …</translation>
    </message>
    <message>
        <source>Choose an item from the list.</source>
        <translation>Wählen Sie einen Beitrag aus der Liste.</translation>
    </message>
    <message>
        <source>Programme-wide item of the coordinating centre (read only).</source>
        <translation>Programmweiter Beitrag der koordinierenden Stelle (nur lesbar).</translation>
    </message>
    <message>
        <source>Proposed for review: publish it for the centre or edit.</source>
        <translation>Zur Prüfung vorgeschlagen: für das Zentrum veröffentlichen oder bearbeiten.</translation>
    </message>
    <message>
        <source>Published for the centre; only a manager changes it.</source>
        <translation>Für das Zentrum veröffentlicht; ändern kann ihn nur die Zentrumsleitung.</translation>
    </message>
    <message>
        <source>Item of this centre.</source>
        <translation>Beitrag dieses Zentrums.</translation>
    </message>
    <message>
        <source>Coordinating centre</source>
        <translation>Koordinierende Stelle</translation>
    </message>
    <message>
        <source>This centre</source>
        <translation>Dieses Zentrum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Zielgruppe</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Webadresse</translation>
    </message>
    <message>
        <source>No longer valid.</source>
        <translation>Nicht mehr gültig.</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>not on this device yet</source>
        <translation>noch nicht auf diesem Gerät</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Save …</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>Datei speichern</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Gespeichert unter %1.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>History: %1</source>
        <translation>Verlauf: %1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Export (.ics) …</source>
        <translation>Exportieren (.ics) …</translation>
    </message>
    <message>
        <source>◆ next appointment   ☐ follow-up (red: overdue)   ● event</source>
        <translation>◆ nächster Termin   ☐ Wiedervorlage (rot: überfällig)   ● Veranstaltung</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>Kalender exportieren</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message numerus="yes">
        <source>%n entries exported.</source>
        <translation>
            <numerusform>%n Eintrag exportiert.</numerusform>
            <numerusform>%n Einträge exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Checking the rows …</source>
        <translation>Die Zeilen werden geprüft …</translation>
    </message>
    <message>
        <source>%1 new, %2 already known (will be linked), %3 rejected.</source>
        <translation>%1 neu, %2 bereits vorhanden (werden verknüpft), %3 abgelehnt.</translation>
    </message>
    <message>
        <source>Rejected rows are written to a report file.</source>
        <translation>Abgelehnte Zeilen werden in eine Berichtsdatei geschrieben.</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>an earlier row of this file</source>
        <translation>einer früheren Zeile dieser Datei</translation>
    </message>
    <message>
        <source>Same as %1 (%2)</source>
        <translation>Identisch mit %1 (%2)</translation>
    </message>
    <message>
        <source>already known</source>
        <translation>bereits vorhanden</translation>
    </message>
    <message>
        <source>Similar to %1 (%2, score %3)</source>
        <translation>Ähnlich wie %1 (%2, Wert %3)</translation>
    </message>
    <message>
        <source>new, check</source>
        <translation>neu, bitte prüfen</translation>
    </message>
    <message>
        <source>new, with warnings</source>
        <translation>neu, mit Hinweisen</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>Decision for line %1</source>
        <translation>Entscheidung für Zeile %1</translation>
    </message>
    <message>
        <source>Link to %1</source>
        <translation>Verknüpfen mit %1</translation>
    </message>
    <message>
        <source>Create anyway</source>
        <translation>Trotzdem neu anlegen</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>Nichts zu importieren</translation>
    </message>
    <message>
        <source>Every row was rejected.</source>
        <translation>Alle Zeilen wurden abgelehnt.</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>Checklists for the visit</source>
        <translation>Checklisten für den Termin</translation>
    </message>
    <message>
        <source>Checklist of the Wissenspool</source>
        <translation>Checkliste aus dem Wissenspool</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>&amp;Anhängen</translation>
    </message>
    <message>
        <source>Items to tick</source>
        <translation>Punkte zum Abhaken</translation>
    </message>
    <message>
        <source>&amp;Remove checklist</source>
        <translation>Checkliste &amp;entfernen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The Wissenspool has no published checklist yet.</source>
        <translation>Der Wissenspool enthält noch keine veröffentlichte Checkliste.</translation>
    </message>
    <message>
        <source>%1 of %2 items ticked.</source>
        <translation>%1 von %2 Punkten abgehakt.</translation>
    </message>
</context>
<context>
    <name>ConflictInbox</name>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Beratung</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Vereinbarungen</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Company size class</source>
        <translation>Größenklasse (KMU)</translation>
    </message>
    <message>
        <source>Form of consultation</source>
        <translation>Beratungsform</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>Dauer (Minuten)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>whole record</source>
        <translation>ganzer Datensatz</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Offene Konflikte</translation>
    </message>
    <message>
        <source>Value in force</source>
        <translation>Geltender Wert</translation>
    </message>
    <message>
        <source>Replaced value</source>
        <translation>Ersetzter Wert</translation>
    </message>
    <message>
        <source>Or type the value to keep</source>
        <translation>Oder den zu behaltenden Wert eingeben</translation>
    </message>
    <message>
        <source>Value to save (you may edit it)</source>
        <translation>Zu speichernder Wert (bearbeitbar)</translation>
    </message>
    <message>
        <source>Keep value in force</source>
        <translation>Geltenden Wert behalten</translation>
    </message>
    <message>
        <source>Take replaced value</source>
        <translation>Ersetzten Wert übernehmen</translation>
    </message>
    <message>
        <source>Save edited value</source>
        <translation>Bearbeiteten Wert speichern</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>Keine offenen Konflikte.</translation>
    </message>
    <message>
        <source>Changed by %1 on %2</source>
        <translation>Geändert von %1 am %2</translation>
    </message>
    <message>
        <source>Changed on %1</source>
        <translation>Geändert am %1</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>No consent</source>
        <translation>Keine Einwilligung</translation>
    </message>
    <message>
        <source>No active consent.</source>
        <translation>Keine aktive Einwilligung.</translation>
    </message>
    <message>
        <source>Active consents: %1</source>
        <translation>Aktive Einwilligungen: %1</translation>
    </message>
    <message>
        <source>Without the ESF monitoring consent the ESF answers cannot be recorded.</source>
        <translation>Ohne die Einwilligung zum ESF-Monitoring können die ESF-Angaben nicht erfasst werden.</translation>
    </message>
</context>
<context>
    <name>ConsultationForm</name>
    <message>
        <source>Consultation</source>
        <translation>Beratung</translation>
    </message>
    <message>
        <source>New consultation</source>
        <translation>Neue Beratung</translation>
    </message>
    <message>
        <source>&amp;Restore draft</source>
        <translation>Entwurf &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Type to search …</source>
        <translation>Zum Suchen tippen …</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>optional: the person advised</source>
        <translation>optional: die beratene Person</translation>
    </message>
    <message>
        <source>Person advised</source>
        <translation>Beratene Person</translation>
    </message>
    <message>
        <source>Ad&amp;visors</source>
        <translation>Be&amp;ratende</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>D&amp;auer</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Form</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <source>where it took place</source>
        <translation>wo die Beratung stattfand</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>Ombuds case &amp;state</source>
        <translation>&amp;Stand des Ombudsfalls</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>short subject</source>
        <translation>kurzer Betreff</translation>
    </message>
    <message>
        <source>Type a topic and press Enter</source>
        <translation>Thema tippen und Enter drücken</translation>
    </message>
    <message>
        <source>T&amp;opics</source>
        <translation>T&amp;hemen</translation>
    </message>
    <message>
        <source>Chosen topics</source>
        <translation>Gewählte Themen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ESF counts</source>
        <translation>ESF-Zählung</translation>
    </message>
    <message>
        <source>Starting situation</source>
        <translation>Ausgangslage</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Vereinbarungen</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Empfehlungen</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Weitervermittelt an</translation>
    </message>
    <message>
        <source>partner or programme</source>
        <translation>Partner oder Programm</translation>
    </message>
    <message>
        <source>Reason for referral</source>
        <translation>Grund der Weitervermittlung</translation>
    </message>
    <message>
        <source>Referrals to &amp;partners …</source>
        <translation>Weiterverweisungen an &amp;Partner …</translation>
    </message>
    <message>
        <source>&amp;Checklists for the visit …</source>
        <translation>&amp;Checklisten für den Termin …</translation>
    </message>
    <message>
        <source>Next appointment</source>
        <translation>Nächster Termin</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>First name of a new participant</source>
        <translation>Vorname einer neuen teilnehmenden Person</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Last name of a new participant</source>
        <translation>Nachname einer neuen teilnehmenden Person</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>Teilnehmende hinzufügen</translation>
    </message>
    <message>
        <source>ESF questionnaire …</source>
        <translation>ESF-Fragebogen …</translation>
    </message>
    <message>
        <source>Part 1 and Part 2 of the selected participant (or of the person advised)</source>
        <translation>Teil 1 und Teil 2 der ausgewählten teilnehmenden Person (oder der beratenen Person)</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Wiedervorlagen</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>What is to be done?</source>
        <translation>Was ist zu tun?</translation>
    </message>
    <message>
        <source>Follow-up task</source>
        <translation>Aufgabe der Wiedervorlage</translation>
    </message>
    <message>
        <source>Follow-up due date</source>
        <translation>Fälligkeit der Wiedervorlage</translation>
    </message>
    <message>
        <source>Add follow-up</source>
        <translation>Wiedervorlage hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>&amp;Speichern (Strg+S)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Print record</source>
        <translation>&amp;Protokoll drucken</translation>
    </message>
    <message>
        <source>Beratungsprotokoll for the company, to sign (Ctrl+P)</source>
        <translation>Beratungsprotokoll für das Unternehmen zum Unterschreiben (Strg+P)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Choose a participant first.</source>
        <translation>Bitte zuerst eine teilnehmende Person auswählen.</translation>
    </message>
    <message>
        <source>Please describe what is to be done.</source>
        <translation>Bitte beschreiben, was zu tun ist.</translation>
    </message>
    <message>
        <source>An unsaved draft from %1 exists.</source>
        <translation>Es gibt einen nicht gespeicherten Entwurf vom %1.</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>Speichere …</translation>
    </message>
    <message>
        <source>Close form</source>
        <translation>Formular schließen</translation>
    </message>
    <message>
        <source>Keep what you typed as a draft? You can restore it the next time you open this form.</source>
        <translation>Das Eingegebene als Entwurf behalten? Er wird beim nächsten Öffnen dieses Formulars zur Wiederherstellung angeboten.</translation>
    </message>
</context>
<context>
    <name>CoordinationPage</name>
    <message>
        <source>Chart as PNG…</source>
        <translation>Diagramm als PNG…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Zentrum</translation>
    </message>
    <message>
        <source>Land</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Fetch from the hub</source>
        <translation>Vom Hub abrufen</translation>
    </message>
    <message>
        <source>Table as CSV…</source>
        <translation>Tabelle als CSV…</translation>
    </message>
    <message>
        <source>Table as XLSX…</source>
        <translation>Tabelle als XLSX…</translation>
    </message>
    <message>
        <source>Quarter and alerts</source>
        <translation>Quartal und Muster</translation>
    </message>
    <message>
        <source>Published counts (cell-key method): each differs from the true count by at most 2; &apos;–&apos; is zero or under the threshold, so totals need not add up. Filters apply to the charts and choose the alerts shown (those about the chosen centre, Land or topic); the alerts are tested across the whole programme.</source>
        <translation>Veröffentlichte Zahlen (Cell-Key-Verfahren): Jede weicht um höchstens 2 von der wahren Zahl ab; „–“ ist null oder unter der Schwelle, daher müssen Summen nicht aufgehen. Die Filter gelten für die Diagramme und wählen die angezeigten Muster (die das gewählte Zentrum, Land oder Thema betreffen); geprüft werden die Muster über das ganze Programm.</translation>
    </message>
    <message>
        <source>Pattern alerts (Benjamini–Hochberg, 5 %)</source>
        <translation>Muster erkennen (Benjamini–Hochberg, 5 %)</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Ausprägung</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>adj. p</source>
        <translation>korr. p</translation>
    </message>
    <message>
        <source>No figures yet: sync once with the hub.</source>
        <translation>Noch keine Zahlen: bitte einmal mit dem Hub synchronisieren.</translation>
    </message>
    <message>
        <source>All centres</source>
        <translation>Alle Zentren</translation>
    </message>
    <message>
        <source>All Länder</source>
        <translation>Alle Länder</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Alle Themen</translation>
    </message>
    <message>
        <source>Pattern alerts compare quarters: choose a quarter.</source>
        <translation>Muster vergleichen Quartale: Bitte ein Quartal wählen.</translation>
    </message>
    <message>
        <source>The charts of {0} with these filters are not fetched yet: Fetch from the hub.</source>
        <translation>Die Diagramme für {0} mit diesen Filtern sind noch nicht abgerufen: „Vom Hub abrufen“.</translation>
    </message>
    <message>
        <source>Figures of {0} (UTC)</source>
        <translation>Stand {0} (UTC)</translation>
    </message>
    <message>
        <source>Consultations per centre</source>
        <translation>Beratungen je Zentrum</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>An error occurred</source>
        <translation>Ein Fehler ist aufgetreten</translation>
    </message>
    <message>
        <source>Something went wrong. Your data is safe: every saved change is in the database. Please send this report to your support contact. It contains no personal data.</source>
        <translation>Etwas ist schiefgegangen. Ihre Daten sind sicher: Jede gespeicherte Änderung liegt in der Datenbank. Bitte senden Sie diesen Bericht an Ihre Support-Ansprechperson. Er enthält keine personenbezogenen Daten.</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Fehlerbericht</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>Bericht &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>Centres over time</source>
        <translation>Zentren im Zeitverlauf</translation>
    </message>
    <message>
        <source>Topic trends</source>
        <translation>Themen-Trends</translation>
    </message>
    <message>
        <source>Topic × sector</source>
        <translation>Thema × Branche</translation>
    </message>
    <message>
        <source>SMEs per Land</source>
        <translation>KMU je Land</translation>
    </message>
    <message>
        <source>SMEs per Kreis</source>
        <translation>KMU je Kreis</translation>
    </message>
    <message>
        <source>Centre comparison</source>
        <translation>Zentrenvergleich</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Beratungen</translation>
    </message>
    <message>
        <source>SMEs reached</source>
        <translation>Erreichte KMU</translation>
    </message>
    <message>
        <source>Consultations per centre and quarter</source>
        <translation>Beratungen je Zentrum und Quartal</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quartal</translation>
    </message>
    <message>
        <source>Consultations per topic and quarter</source>
        <translation>Beratungen je Thema und Quartal</translation>
    </message>
    <message>
        <source>Consultations by topic and WZ section</source>
        <translation>Beratungen nach Thema und WZ-Abschnitt</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>SMEs reached per Land</source>
        <translation>Erreichte KMU je Land</translation>
    </message>
    <message>
        <source>Land</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>SMEs reached per Kreis</source>
        <translation>Erreichte KMU je Kreis</translation>
    </message>
    <message>
        <source>Kreis</source>
        <translation>Kreis</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Zentrum</translation>
    </message>
</context>
<context>
    <name>DuplicateScanDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation>Mögliche Dubletten</translation>
    </message>
    <message>
        <source>Searching …</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Mögliche Dublette</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Merge …</source>
        <translation>Zusammenführen …</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>%1 possible duplicates.</source>
        <translation>%1 mögliche Dubletten.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>takes place online</source>
        <translation>findet online statt</translation>
    </message>
    <message>
        <source>e.g. 3,5</source>
        <translation>z. B. 3,5</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>T&amp;opics</source>
        <translation>T&amp;hemen</translation>
    </message>
    <message>
        <source>Ad&amp;visors</source>
        <translation>Bera&amp;tende</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>EventPage</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Add a participant: type a name …</source>
        <translation>Teilnehmende hinzufügen: Namen eingeben …</translation>
    </message>
    <message>
        <source>Participant to add</source>
        <translation>Hinzuzufügende Person</translation>
    </message>
    <message>
        <source>&amp;Add participant</source>
        <translation>Teilnehmende &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>ESF &amp;questionnaire …</source>
        <translation>ESF-&amp;Fragebogen …</translation>
    </message>
    <message>
        <source>Part 1 and Part 2 of the selected participant&apos;s ESF questionnaire</source>
        <translation>Teil 1 und Teil 2 des ESF-Fragebogens der ausgewählten teilnehmenden Person</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>Hours attended</source>
        <translation>Anwesende Stunden</translation>
    </message>
    <message>
        <source>Part 1 (entry)</source>
        <translation>Teil 1 (Eintritt)</translation>
    </message>
    <message>
        <source>Exit questionnaire</source>
        <translation>Austrittsfragebogen</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>Topics: %1</source>
        <translation>Themen: %1</translation>
    </message>
    <message>
        <source>Advisors: %1</source>
        <translation>Beratende: %1</translation>
    </message>
    <message>
        <source>%1 h attended in all</source>
        <translation>insgesamt %1 Std. teilgenommen</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Part 1 of the ESF questionnaire is incomplete: not counted.</source>
        <translation>Teil 1 des ESF-Fragebogens ist unvollständig: wird nicht gezählt.</translation>
    </message>
    <message>
        <source>%1 participants, %2 with an incomplete Part 1 (not counted)</source>
        <translation>%1 Teilnehmende, davon %2 mit unvollständigem Teil 1 (nicht gezählt)</translation>
    </message>
    <message>
        <source>Choose a person from the suggestions.</source>
        <translation>Bitte eine Person aus den Vorschlägen wählen.</translation>
    </message>
    <message>
        <source>Choose a participant first.</source>
        <translation>Bitte zuerst eine teilnehmende Person auswählen.</translation>
    </message>
</context>
<context>
    <name>FileFetcher</name>
    <message>
        <source>Wissenspool files: %1 of %2, part %3 of %4</source>
        <translation>Wissenspool-Dateien: %1 von %2, Teil %3 von %4</translation>
    </message>
    <message>
        <source>Wissenspool files fetched: %1</source>
        <translation>Wissenspool-Dateien geholt: %1</translation>
    </message>
    <message>
        <source>sent: %1</source>
        <translation>gesendet: %1</translation>
    </message>
    <message>
        <source>not transferred yet: %1</source>
        <translation>noch nicht übertragen: %1</translation>
    </message>
    <message>
        <source>Wissenspool files will be fetched at the next sync.</source>
        <translation>Wissenspool-Dateien werden bei der nächsten Synchronisation geholt.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>Contact lists from Excel (.xlsx), CSV exports of Outlook, Thunderbird, CRM or registration tools, or vCards (.vcf).</source>
        <translation>Kontaktlisten aus Excel (.xlsx), CSV-Exporte aus Outlook, Thunderbird, CRM- oder Anmeldesystemen oder vCards (.vcf).</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Choose …</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>Choose a contact list</source>
        <translation>Kontaktliste auswählen</translation>
    </message>
    <message>
        <source>Contact lists (*.csv *.txt *.tsv *.xlsx *.vcf);;All files (*)</source>
        <translation>Kontaktlisten (*.csv *.txt *.tsv *.xlsx *.vcf);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>New follow-up</source>
        <extracomment>A new follow-up is due in two weeks unless the user says otherwise.</extracomment>
        <translation>Neue Wiedervorlage</translation>
    </message>
    <message>
        <source>&amp;What is to be done</source>
        <translation>&amp;Was ist zu tun</translation>
    </message>
    <message>
        <source>e.g. send the offer</source>
        <translation>z. B. Angebot schicken</translation>
    </message>
    <message>
        <source>&amp;Due on</source>
        <translation>&amp;Fällig am</translation>
    </message>
    <message>
        <source>&amp;Responsible</source>
        <translation>&amp;Zuständig</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>Organisation: name</source>
        <translation>Organisation: Name</translation>
    </message>
    <message>
        <source>Organisation: legal form</source>
        <translation>Organisation: Rechtsform</translation>
    </message>
    <message>
        <source>Organisation: street</source>
        <translation>Organisation: Straße</translation>
    </message>
    <message>
        <source>Organisation: postcode</source>
        <translation>Organisation: PLZ</translation>
    </message>
    <message>
        <source>Organisation: city</source>
        <translation>Organisation: Ort</translation>
    </message>
    <message>
        <source>Organisation: Land (check only)</source>
        <translation>Organisation: Bundesland (nur Prüfung)</translation>
    </message>
    <message>
        <source>Organisation: municipality key (AGS)</source>
        <translation>Organisation: Gemeindeschlüssel (AGS)</translation>
    </message>
    <message>
        <source>Organisation: phone</source>
        <translation>Organisation: Telefon</translation>
    </message>
    <message>
        <source>Organisation: e-mail</source>
        <translation>Organisation: E-Mail</translation>
    </message>
    <message>
        <source>Organisation: website</source>
        <translation>Organisation: Webseite</translation>
    </message>
    <message>
        <source>Organisation: sector code (WZ)</source>
        <translation>Organisation: Wirtschaftszweig (WZ)</translation>
    </message>
    <message>
        <source>Organisation: employees</source>
        <translation>Organisation: Beschäftigte</translation>
    </message>
    <message>
        <source>Organisation: notes</source>
        <translation>Organisation: Notizen</translation>
    </message>
    <message>
        <source>Person: salutation</source>
        <translation>Person: Anrede</translation>
    </message>
    <message>
        <source>Person: first name</source>
        <translation>Person: Vorname</translation>
    </message>
    <message>
        <source>Person: last name</source>
        <translation>Person: Nachname</translation>
    </message>
    <message>
        <source>Person: full name</source>
        <translation>Person: vollständiger Name</translation>
    </message>
    <message>
        <source>Person: gender</source>
        <translation>Person: Geschlecht</translation>
    </message>
    <message>
        <source>Person: birth year or birthday</source>
        <translation>Person: Geburtsjahr oder Geburtstag</translation>
    </message>
    <message>
        <source>Person: postcode</source>
        <translation>Person: PLZ</translation>
    </message>
    <message>
        <source>Person: e-mail</source>
        <translation>Person: E-Mail</translation>
    </message>
    <message>
        <source>Person: phone</source>
        <translation>Person: Telefon</translation>
    </message>
    <message>
        <source>Person: mobile phone</source>
        <translation>Person: Mobiltelefon</translation>
    </message>
    <message>
        <source>Person: notes</source>
        <translation>Person: Notizen</translation>
    </message>
    <message>
        <source>Person: job title</source>
        <translation>Person: Funktion</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>The file cannot be read</source>
        <translation>Die Datei kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>KnowledgeEditor</name>
    <message>
        <source>Edit item</source>
        <translation>Beitrag bearbeiten</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Neuer Beitrag</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>Markdown: ## heading, - list item, **bold**</source>
        <translation>Markdown: ## Überschrift, - Listenpunkt, **fett**</translation>
    </message>
    <message>
        <source>Te&amp;xt (Markdown)</source>
        <translation>Te&amp;xt (Markdown)</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Zielgruppe</translation>
    </message>
    <message>
        <source>Valid &amp;until</source>
        <translation>Gültig &amp;bis</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Webadresse</translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation>&amp;Quellen</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>&amp;Dateien</translation>
    </message>
    <message>
        <source>&amp;Attach file …</source>
        <translation>Datei &amp;anhängen …</translation>
    </message>
    <message>
        <source>&amp;Remove file</source>
        <translation>Datei &amp;entfernen</translation>
    </message>
    <message>
        <source>Save as &amp;draft</source>
        <translation>Als &amp;Entwurf speichern</translation>
    </message>
    <message>
        <source>&amp;Propose for review</source>
        <translation>Zur Prüfung &amp;vorschlagen</translation>
    </message>
    <message>
        <source>Save and p&amp;ublish</source>
        <translation>Speichern und ver&amp;öffentlichen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>Datei anhängen</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>On site</source>
        <translation>Vor Ort</translation>
    </message>
    <message>
        <source>At the centre</source>
        <translation>Im Zentrum</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Signposting</source>
        <translation>Verweisberatung</translation>
    </message>
    <message>
        <source>In-depth</source>
        <translation>Vertiefend</translation>
    </message>
    <message>
        <source>Follow-up advice</source>
        <translation>Folgeberatung</translation>
    </message>
    <message>
        <source>Ombuds case</source>
        <translation>Ombudsfall</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Unterschrieben</translation>
    </message>
    <message>
        <source>Enterprise (EECO19)</source>
        <translation>Unternehmen (EECO19)</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>Micro</source>
        <translation>Kleinst</translation>
    </message>
    <message>
        <source>Small</source>
        <translation>Klein</translation>
    </message>
    <message>
        <source>Medium-sized</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Groß</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Weiblich</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Männlich</translation>
    </message>
    <message>
        <source>Non-binary</source>
        <translation>Nicht-binär</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Keine Angabe</translation>
    </message>
    <message>
        <source>Employed</source>
        <translation>Erwerbstätig</translation>
    </message>
    <message>
        <source>Self-employed</source>
        <translation>Selbstständig</translation>
    </message>
    <message>
        <source>Unemployed</source>
        <translation>Arbeitslos</translation>
    </message>
    <message>
        <source>Long-term unemployed</source>
        <translation>Langzeitarbeitslos</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Nichterwerbstätig</translation>
    </message>
    <message>
        <source>ISCED 0–2</source>
        <translation>ISCED 0–2</translation>
    </message>
    <message>
        <source>ISCED 3–4</source>
        <translation>ISCED 3–4</translation>
    </message>
    <message>
        <source>ISCED 5–8</source>
        <translation>ISCED 5–8</translation>
    </message>
    <message>
        <source>up to €2 m</source>
        <translation>bis 2 Mio. €</translation>
    </message>
    <message>
        <source>up to €10 m</source>
        <translation>bis 10 Mio. €</translation>
    </message>
    <message>
        <source>up to €50 m</source>
        <translation>bis 50 Mio. €</translation>
    </message>
    <message>
        <source>above €50 m</source>
        <translation>über 50 Mio. €</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Referral by a partner</source>
        <translation>Vermittlung durch Partner</translation>
    </message>
    <message>
        <source>Own initiative</source>
        <translation>Eigeninitiative</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>Seminar</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Qualifizierung</translation>
    </message>
    <message>
        <source>Experimentation lab</source>
        <translation>Experimentierraum</translation>
    </message>
    <message>
        <source>Information event</source>
        <translation>Informationsveranstaltung</translation>
    </message>
    <message>
        <source>Network meeting</source>
        <translation>Netzwerktreffen</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Unvollständig</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>Geschäftsführung</translation>
    </message>
    <message>
        <source>Works council</source>
        <translation>Betriebsrat</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Beschäftigte/r</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>Stundensatz</translation>
    </message>
    <message>
        <source>Daily rate</source>
        <translation>Tagessatz</translation>
    </message>
    <message>
        <source>Per project</source>
        <translation>Projektpauschale</translation>
    </message>
    <message>
        <source>Per piece</source>
        <translation>Stückpreis</translation>
    </message>
    <message>
        <source>below €250 a day</source>
        <translation>unter 250 € am Tag</translation>
    </message>
    <message>
        <source>€250–500 a day</source>
        <translation>250–500 € am Tag</translation>
    </message>
    <message>
        <source>€500–800 a day</source>
        <translation>500–800 € am Tag</translation>
    </message>
    <message>
        <source>above €800 a day</source>
        <translation>über 800 € am Tag</translation>
    </message>
    <message>
        <source>Statutory</source>
        <translation>Gesetzlich</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Artists&apos; social fund (KSK)</source>
        <translation>Künstlersozialkasse (KSK)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Statutory pension insurance</source>
        <translation>Gesetzliche Rentenversicherung</translation>
    </message>
    <message>
        <source>Private provision only</source>
        <translation>Nur private Vorsorge</translation>
    </message>
    <message>
        <source>Contact data</source>
        <translation>Kontaktdaten</translation>
    </message>
    <message>
        <source>ESF monitoring</source>
        <translation>ESF-Monitoring</translation>
    </message>
    <message>
        <source>Newsletter</source>
        <translation>Newsletter</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Special categories (Art. 9)</source>
        <translation>Besondere Kategorien (Art. 9)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Gelöscht (DSGVO)</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Gedruckt</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <source>Chamber</source>
        <translation>Kammer</translation>
    </message>
    <message>
        <source>Mittelstand-Digital centre</source>
        <translation>Mittelstand-Digital Zentrum</translation>
    </message>
    <message>
        <source>Employment agency programme</source>
        <translation>Programm der Arbeitsagentur</translation>
    </message>
    <message>
        <source>Funding bank</source>
        <translation>Förderbank</translation>
    </message>
    <message>
        <source>Union</source>
        <translation>Gewerkschaft</translation>
    </message>
    <message>
        <source>Association of the self-employed</source>
        <translation>Verband der Selbstständigen</translation>
    </message>
    <message>
        <source>Ombuds office</source>
        <translation>Ombudsstelle</translation>
    </message>
    <message>
        <source>Other partner</source>
        <translation>Sonstiger Partner</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>Taken up</source>
        <translation>Wahrgenommen</translation>
    </message>
    <message>
        <source>Not taken up</source>
        <translation>Nicht wahrgenommen</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <source>In clarification</source>
        <translation>In Klärung</translation>
    </message>
    <message>
        <source>Mediated</source>
        <translation>Vermittelt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Good practice</source>
        <translation>Gute Praxis</translation>
    </message>
    <message>
        <source>SMEs</source>
        <translation>KMU</translation>
    </message>
    <message>
        <source>Solo self-employed</source>
        <translation>Solo-Selbstständige</translation>
    </message>
    <message>
        <source>Proposed for review</source>
        <translation>Zur Prüfung vorgeschlagen</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>Kreis</source>
        <translation>Kreis</translation>
    </message>
    <message>
        <source>SME class</source>
        <translation>KMU-Klasse</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Beschäftigte</translation>
    </message>
    <message>
        <source>Sector (WZ)</source>
        <translation>Branche (WZ)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Beratungen</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Erwerbsstatus</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>Advisors</source>
        <translation>Beratende</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>Part 1 open</source>
        <translation>Teil 1 offen</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>online</source>
        <extracomment>Which code list an enum column of a list uses.</extracomment>
        <translation>online</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Wissenspool</source>
        <translation>Wissenspool</translation>
    </message>
    <message>
        <source>&amp;New item …</source>
        <translation>&amp;Neuer Beitrag …</translation>
    </message>
    <message>
        <source>Search titles, texts, sources …</source>
        <translation>Titel, Texte, Quellen durchsuchen …</translation>
    </message>
    <message>
        <source>Search the Wissenspool</source>
        <translation>Wissenspool durchsuchen</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Alle Themen</translation>
    </message>
    <message>
        <source>All target groups</source>
        <translation>Alle Zielgruppen</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Review state</source>
        <translation>Prüfstatus</translation>
    </message>
    <message>
        <source>Only &amp;new since your last visit</source>
        <translation>Nur &amp;Neues seit Ihrem letzten Besuch</translation>
    </message>
    <message>
        <source>Items of the Wissenspool</source>
        <translation>Beiträge des Wissenspools</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Zielgruppe</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>%1 new since your last visit</source>
        <translation>%1 neu seit Ihrem letzten Besuch</translation>
    </message>
    <message>
        <source>programme</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>centre</source>
        <translation>Zentrum</translation>
    </message>
    <message>
        <source>New since your last visit</source>
        <translation>Neu seit Ihrem letzten Besuch</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>&amp;New</source>
        <extracomment>Entities whose lists refresh when one of these entities changes.</extracomment>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>As CSV (Excel, semicolon) …</source>
        <translation>Als CSV (Excel, Semikolon) …</translation>
    </message>
    <message>
        <source>As XLSX …</source>
        <translation>Als XLSX …</translation>
    </message>
    <message>
        <source>Export what is shown</source>
        <translation>Angezeigtes exportieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Filter …</source>
        <translation>Filtern …</translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation>Filtertext</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Alle Themen</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>All modes</source>
        <translation>Alle Formen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Formate</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Beratende</translation>
    </message>
    <message>
        <source>All advisors</source>
        <translation>Alle Beratenden</translation>
    </message>
    <message>
        <source>Kreis</source>
        <translation>Kreis</translation>
    </message>
    <message>
        <source>All Kreise</source>
        <translation>Alle Kreise</translation>
    </message>
    <message>
        <source>SME class</source>
        <translation>KMU-Klasse</translation>
    </message>
    <message>
        <source>All sizes</source>
        <translation>Alle Größen</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 Datensätze</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Spalten zurücksetzen</translation>
    </message>
    <message>
        <source>Exporting …</source>
        <translation>Exportiere …</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to the hub</source>
        <translation>Am Hub anmelden</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Hub-Adresse</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Navigation</source>
        <extracomment>Pages without an icon of their own.</extracomment>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Beratungen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Wissenspool</source>
        <translation>Wissenspool</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Coordination</source>
        <translation>Koordinierung</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Erfassen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>New &amp;consultation</source>
        <translation>Neue &amp;Beratung</translation>
    </message>
    <message>
        <source>New &amp;organisation</source>
        <translation>Neue &amp;Organisation</translation>
    </message>
    <message>
        <source>New &amp;person</source>
        <translation>Neue &amp;Person</translation>
    </message>
    <message>
        <source>New &amp;event</source>
        <translation>Neue &amp;Veranstaltung</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>Löschen &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Search …</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Synchronise</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <source>Synchronise with the hub (not set up yet)</source>
        <translation>Mit dem Hub synchronisieren (noch nicht eingerichtet)</translation>
    </message>
    <message>
        <source>Connect to &amp;hub …</source>
        <translation>Mit dem &amp;Hub verbinden …</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts …</source>
        <translation>Synchronisations&amp;konflikte …</translation>
    </message>
    <message>
        <source>Sync &amp;problems …</source>
        <translation>Sync-&amp;Probleme …</translation>
    </message>
    <message>
        <source>Log &amp;out of the hub</source>
        <translation>Vom Hub &amp;abmelden</translation>
    </message>
    <message>
        <source>Switch &amp;profile …</source>
        <translation>&amp;Profil wechseln …</translation>
    </message>
    <message>
        <source>&amp;Import contacts …</source>
        <extracomment>Set by &quot;Switch profile …&quot;: the profile the application opens after this window.</extracomment>
        <translation>Kontakte &amp;importieren …</translation>
    </message>
    <message>
        <source>Consultations without &amp;advisor …</source>
        <translation>Beratungen ohne &amp;Beratende …</translation>
    </message>
    <message>
        <source>&amp;Retention review …</source>
        <translation>&amp;Aufbewahrung prüfen …</translation>
    </message>
    <message>
        <source>Find &amp;duplicates …</source>
        <translation>&amp;Dubletten suchen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Sync: not connected</source>
        <translation>Synchronisation: nicht verbunden</translation>
    </message>
    <message>
        <source>Pending changes: %1</source>
        <translation>Ausstehende Änderungen: %1</translation>
    </message>
    <message>
        <source>Retention review</source>
        <translation>Aufbewahrung prüfen</translation>
    </message>
    <message>
        <source>Open conflicts: %1</source>
        <translation>Offene Konflikte: %1</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Record deleted.</source>
        <translation>Datensatz gelöscht.</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Wiederhergestellt.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>%1 %2
Advice records of the Zukunftszentren, offline and in sync.</source>
        <translation>%1 %2
Beratungsdokumentation der Zukunftszentren, offline und synchronisiert.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Column mapping</source>
        <translation>Spaltenzuordnung</translation>
    </message>
    <message>
        <source>Which column feeds which field? Columns set to &apos;—&apos; are ignored.</source>
        <translation>Welche Spalte füllt welches Feld? Spalten mit „—“ werden ignoriert.</translation>
    </message>
    <message>
        <source>Saved mapping</source>
        <translation>Gespeicherte Zuordnung</translation>
    </message>
    <message>
        <source>Save mapping …</source>
        <translation>Zuordnung speichern …</translation>
    </message>
    <message>
        <source>Saved mapping:</source>
        <translation>Gespeicherte Zuordnung:</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Automatic guess</source>
        <translation>Automatisch erkannt</translation>
    </message>
    <message>
        <source>Field for column %1</source>
        <translation>Feld für Spalte %1</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>Zuordnung speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge records</source>
        <translation>Datensätze zusammenführen</translation>
    </message>
    <message>
        <source>Choose for each field which value the merged record keeps. Consultations, links, consents and everything else of both records are kept.</source>
        <translation>Wählen Sie für jedes Feld, welcher Wert erhalten bleibt. Beratungen, Zuordnungen, Einwilligungen und alles Weitere beider Datensätze bleiben erhalten.</translation>
    </message>
    <message>
        <source>Keep the right record instead</source>
        <translation>Stattdessen den rechten Datensatz behalten</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Kept record</source>
        <translation>Bleibt erhalten</translation>
    </message>
    <message>
        <source>Merged into it</source>
        <translation>Wird übernommen</translation>
    </message>
</context>
<context>
    <name>MergeFields</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>Rechtsform</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Municipality key (AGS)</source>
        <translation>Gemeindeschlüssel (AGS)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Webseite</translation>
    </message>
    <message>
        <source>Sector code</source>
        <translation>Wirtschaftszweig</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Beschäftigte</translation>
    </message>
    <message>
        <source>Turnover</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Works council</source>
        <translation>Betriebsrat</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Geburtsjahr</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Erwerbsstatus</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Bildung</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Behinderung</translation>
    </message>
    <message>
        <source>Third-country national</source>
        <translation>Drittstaatsangehörigkeit</translation>
    </message>
    <message>
        <source>Foreign origin</source>
        <translation>Ausländische Herkunft</translation>
    </message>
    <message>
        <source>Minority</source>
        <translation>Minderheit</translation>
    </message>
    <message>
        <source>Homeless</source>
        <translation>Wohnungslos</translation>
    </message>
    <message>
        <source>Rural area</source>
        <translation>Ländlicher Raum</translation>
    </message>
</context>
<context>
    <name>MissingAdvisorsDialog</name>
    <message>
        <source>Consultations without advisor</source>
        <translation>Beratungen ohne Beratende</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Advisors for the selected consultations:</source>
        <translation>Beratende für die ausgewählten Beratungen:</translation>
    </message>
    <message>
        <source>&amp;Assign advisors</source>
        <translation>Beratende &amp;zuordnen</translation>
    </message>
    <message>
        <source>%n consultation(s) without advisor. Select them and assign who advised.</source>
        <translation>%n Beratung(en) ohne Beratende. Auswählen und zuordnen, wer beraten hat.</translation>
    </message>
    <message>
        <source>Every consultation has an advisor.</source>
        <translation>Jede Beratung hat eine beratende Person.</translation>
    </message>
    <message>
        <source>Select consultations and at least one advisor.</source>
        <translation>Bitte Beratungen und mindestens eine beratende Person auswählen.</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Working …</source>
        <extracomment>Running operations by key; the GUI thread holds every op (and what its callbacks reference) until its result is delivered, so no reference to a widget ever ends on a worker. Results handed from the workers to the GUI thread (key → (result, error)).</extracomment>
        <translation>Arbeite …</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Bitte warten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Nicht möglich</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>Rechtsform</translation>
    </message>
    <message>
        <source>e.g. GmbH</source>
        <translation>z. B. GmbH</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Municipality key (AGS)</source>
        <translation>Gemeindeschlüssel (AGS)</translation>
    </message>
    <message>
        <source>8 digits</source>
        <translation>8 Ziffern</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Sector (WZ 2025)</source>
        <translation>Branche (WZ 2025)</translation>
    </message>
    <message>
        <source>e.g. 43.32</source>
        <translation>z. B. 43.32</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Beschäftigte</translation>
    </message>
    <message>
        <source>Turnover</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Works council</source>
        <translation>Betriebsrat</translation>
    </message>
    <message>
        <source>exists</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>Source of contact</source>
        <translation>Kontaktweg</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Zurück (Alt+Links)</translation>
    </message>
    <message>
        <source>New consultation (Ctrl+N)</source>
        <translation>Neue Beratung (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>A new person of this organisation</source>
        <translation>Eine neue Person dieser Organisation</translation>
    </message>
    <message>
        <source>Add &amp;follow-up …</source>
        <translation>&amp;Wiedervorlage hinzufügen …</translation>
    </message>
    <message>
        <source>A follow-up (Wiedervorlage) for this organisation</source>
        <translation>Eine Wiedervorlage für diese Organisation</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>Kreis</source>
        <translation>Kreis</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Sector (WZ)</source>
        <translation>Branche (WZ)</translation>
    </message>
    <message>
        <source>Works council</source>
        <translation>Betriebsrat</translation>
    </message>
    <message>
        <source>In-depth advice so far</source>
        <translation>Vertiefende Beratung bisher</translation>
    </message>
    <message>
        <source>In-depth advice hours</source>
        <translation>Stunden vertiefender Beratung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Add &amp;person …</source>
        <translation>&amp;Person hinzufügen …</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Beratungen</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Wiedervorlagen</translation>
    </message>
    <message>
        <source>%1 employees</source>
        <translation>%1 Beschäftigte</translation>
    </message>
    <message>
        <source>not in the code list</source>
        <translation>nicht in der Schlüsselliste</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 of %2 h</source>
        <translation>%1 von %2 Std.</translation>
    </message>
    <message>
        <source>Consultations (%1)</source>
        <translation>Beratungen (%1)</translation>
    </message>
    <message>
        <source>Persons (%1)</source>
        <translation>Personen (%1)</translation>
    </message>
    <message>
        <source>Follow-ups (%1)</source>
        <translation>Wiedervorlagen (%1)</translation>
    </message>
</context>
<context>
    <name>PartnersPage</name>
    <message>
        <source>Partner directory</source>
        <translation>Partnerverzeichnis</translation>
    </message>
    <message>
        <source>Search offers, providers, contacts …</source>
        <translation>Angebote, Anbieter, Ansprechpersonen suchen …</translation>
    </message>
    <message>
        <source>All partner types</source>
        <translation>Alle Partnerarten</translation>
    </message>
    <message>
        <source>All Länder</source>
        <translation>Alle Länder</translation>
    </message>
    <message>
        <source>&amp;New offer</source>
        <translation>&amp;Neues Angebot</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Partner type</source>
        <translation>Partnerart</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Kept by</source>
        <translation>Gepflegt von</translation>
    </message>
    <message>
        <source>&amp;Name of the offer</source>
        <translation>&amp;Name des Angebots</translation>
    </message>
    <message>
        <source>institution</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>Partner &amp;type</source>
        <translation>Partner&amp;art</translation>
    </message>
    <message>
        <source>What it covers</source>
        <translation>Was es umfasst</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Ansprechperson</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>Länder (none: nationwide)</source>
        <translation>Länder (keins: bundesweit)</translation>
    </message>
    <message>
        <source>Kreise</source>
        <translation>Kreise</translation>
    </message>
    <message>
        <source>5-digit keys, separated by commas</source>
        <translation>5-stellige Schlüssel, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Region note</source>
        <translation>Hinweis zur Region</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>offered at present</source>
        <translation>wird derzeit angeboten</translation>
    </message>
    <message>
        <source>&amp;Save offer</source>
        <translation>Angebot &amp;speichern</translation>
    </message>
    <message>
        <source>programme</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>this centre</source>
        <translation>dieses Zentrum</translation>
    </message>
    <message>
        <source>nationwide</source>
        <translation>bundesweit</translation>
    </message>
    <message>
        <source>Programme-wide offer, kept by the coordinating centre (read only).</source>
        <translation>Programmweites Angebot, gepflegt vom koordinierenden Zentrum (nur lesen).</translation>
    </message>
    <message>
        <source>Offer of this centre.</source>
        <translation>Angebot dieses Zentrums.</translation>
    </message>
    <message>
        <source>New offer of this centre.</source>
        <translation>Neues Angebot dieses Zentrums.</translation>
    </message>
    <message>
        <source>Only a manager can add the centre&apos;s offers.</source>
        <translation>Nur die Leitung kann Angebote des Zentrums anlegen.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>&amp;Privacy …</source>
        <translation>&amp;Datenschutz …</translation>
    </message>
    <message>
        <source>Consents, access report (Art. 15) and erasure (Art. 17)</source>
        <translation>Einwilligungen, Auskunft (Art. 15) und Löschung (Art. 17)</translation>
    </message>
    <message>
        <source>ESF &amp;questionnaire …</source>
        <translation>ESF-&amp;Fragebogen …</translation>
    </message>
    <message>
        <source>Part 1 (entry) and Part 2 (exit) of the ESF questionnaire</source>
        <translation>Teil 1 (Eintritt) und Teil 2 (Austritt) des ESF-Fragebogens</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation>&amp;Vorname</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>&amp;Nachname</translation>
    </message>
    <message>
        <source>— not chosen, please ask —</source>
        <translation>— nicht gewählt, bitte erfragen —</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Geburtsjahr</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Erwerbsstatus</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Bildung</translation>
    </message>
    <message>
        <source>Type to search …</source>
        <translation>Zum Suchen tippen …</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Please ask and choose (or &apos;not stated&apos;).</source>
        <translation>Bitte erfragen und wählen (oder „keine Angabe“).</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>Back</source>
        <extracomment>Entities whose change can alter what the page shows.</extracomment>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Change &amp;log</source>
        <translation>Än&amp;derungsprotokoll</translation>
    </message>
    <message>
        <source>Who changed this record when</source>
        <translation>Wer diesen Datensatz wann geändert hat</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Master data</source>
        <translation>Stammdaten</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>Self-employed</source>
        <translation>Soloselbstständig</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Geburtsjahr</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Erwerbsstatus</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Bildung</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Type to search …</source>
        <translation>Tippen zum Suchen …</translation>
    </message>
    <message>
        <source>Add to &amp;organisation</source>
        <translation>Zu &amp;Organisation hinzufügen</translation>
    </message>
    <message>
        <source>e.g. managing director</source>
        <translation>z. B. Geschäftsführerin</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Verknüpfen</translation>
    </message>
    <message>
        <source>&amp;Remove from organisation</source>
        <translation>Aus Organisation &amp;entfernen</translation>
    </message>
    <message>
        <source>Consents in force: %1</source>
        <translation>Gültige Einwilligungen: %1</translation>
    </message>
    <message>
        <source>No consent recorded: ask for one before storing more.</source>
        <translation>Keine Einwilligung erfasst: vor weiteren Angaben bitte einholen.</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>Verlauf (%1)</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Beratung</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Einwilligung erteilt</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Einwilligung widerrufen</translation>
    </message>
    <message>
        <source>%1 h attended</source>
        <translation>%1 Std. teilgenommen</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Choose an organisation from the suggestions.</source>
        <translation>Bitte eine Organisation aus den Vorschlägen wählen.</translation>
    </message>
</context>
<context>
    <name>PersonPrivacyTab</name>
    <message>
        <source>ESF monitoring</source>
        <translation>ESF-Monitoring</translation>
    </message>
    <message>
        <source>On paper</source>
        <translation>Schriftlich</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>Per E-Mail</translation>
    </message>
    <message>
        <source>Verbally</source>
        <translation>Mündlich</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Record a consent</source>
        <translation>Einwilligung erfassen</translation>
    </message>
    <message>
        <source>Text version, e.g. 2026-01</source>
        <translation>Textfassung, z. B. 2026-01</translation>
    </message>
    <message>
        <source>&amp;Give consent</source>
        <translation>Einwilligung &amp;erteilen</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Erteilt am</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Widerrufen am</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Text version</source>
        <translation>Textfassung</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Erfasst von</translation>
    </message>
    <message>
        <source>&amp;Withdraw selected consent</source>
        <translation>Ausgewählte Einwilligung &amp;widerrufen</translation>
    </message>
    <message>
        <source>Access (Art. 15) …</source>
        <translation>Auskunft (Art. 15) …</translation>
    </message>
    <message>
        <source>Every record about this person as PDF and JSON</source>
        <translation>Alle Datensätze zu dieser Person als PDF und JSON</translation>
    </message>
    <message>
        <source>Erase person (Art. 17) …</source>
        <translation>Person löschen (Art. 17) …</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Angabe</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Behinderung</translation>
    </message>
    <message>
        <source>Third-country national</source>
        <translation>Drittstaatsangehörig</translation>
    </message>
    <message>
        <source>Foreign origin</source>
        <translation>Ausländische Herkunft</translation>
    </message>
    <message>
        <source>Minority</source>
        <translation>Minderheit</translation>
    </message>
    <message>
        <source>Homeless</source>
        <translation>Wohnungslos</translation>
    </message>
    <message>
        <source>Rural area</source>
        <translation>Ländlicher Raum</translation>
    </message>
    <message>
        <source>Save answers</source>
        <translation>Angaben speichern</translation>
    </message>
    <message>
        <source>Needs the consent for ESF monitoring.</source>
        <translation>Erfordert die Einwilligung in das ESF-Monitoring.</translation>
    </message>
    <message>
        <source>Active consents: {0}</source>
        <translation>Aktive Einwilligungen: {0}</translation>
    </message>
    <message>
        <source>No active consent.</source>
        <translation>Keine aktive Einwilligung.</translation>
    </message>
    <message>
        <source>Select a consent that is still active.</source>
        <translation>Bitte eine noch aktive Einwilligung auswählen.</translation>
    </message>
    <message>
        <source>Save access report</source>
        <translation>Auskunft speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Access report written to {0}</source>
        <translation>Auskunft geschrieben nach {0}</translation>
    </message>
    <message>
        <source>Erase person</source>
        <translation>Person löschen</translation>
    </message>
    <message>
        <source>Erase all personal data of this person on this device, on the hub and on all devices? Counts for statistics stay. This cannot be undone.</source>
        <translation>Alle personenbezogenen Daten dieser Person auf diesem Gerät, auf dem Hub und auf allen Geräten löschen? Die Zählungen für die Statistik bleiben. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>PersonProfileTab</name>
    <message>
        <source>&amp;Occupation</source>
        <extracomment>The user changed a field since the last load: a reload must not overwrite it.</extracomment>
        <translation>&amp;Tätigkeit</translation>
    </message>
    <message>
        <source>e.g. graphic design</source>
        <translation>z. B. Grafikdesign</translation>
    </message>
    <message>
        <source>Sector (WZ)</source>
        <translation>Branche (WZ)</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <source>Self-employed since</source>
        <translation>Selbstständig seit</translation>
    </message>
    <message>
        <source>&amp;Fees charged</source>
        <translation>&amp;Honorarform</translation>
    </message>
    <message>
        <source>e.g. 74.11</source>
        <translation>z. B. 74.11</translation>
    </message>
    <message>
        <source>T&amp;ypical fee</source>
        <translation>Ü&amp;bliches Honorar</translation>
    </message>
    <message>
        <source>&amp;Health insurance</source>
        <translation>&amp;Krankenversicherung</translation>
    </message>
    <message>
        <source>Old-age &amp;provision</source>
        <translation>Alters&amp;vorsorge</translation>
    </message>
    <message>
        <source>Voluntary unemployment insurance</source>
        <translation>Freiwillige Arbeitslosenversicherung</translation>
    </message>
    <message>
        <source>Works via &amp;platforms</source>
        <translation>Arbeitet über &amp;Plattformen</translation>
    </message>
    <message>
        <source>Member of an &amp;interest group</source>
        <translation>Mitglied einer &amp;Interessenvertretung</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation>Profil &amp;speichern</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Situation of the solo self-employed person.</source>
        <translation>Situation der soloselbstständigen Person.</translation>
    </message>
    <message>
        <source>No profile yet: fill in what the person tells you and save.</source>
        <translation>Noch kein Profil: eintragen, was die Person berichtet, und speichern.</translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation>Profil gespeichert.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>detect automatically</source>
        <translation>automatisch erkennen</translation>
    </message>
    <message>
        <source>semicolon ;</source>
        <translation>Semikolon ;</translation>
    </message>
    <message>
        <source>comma ,</source>
        <translation>Komma ,</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>Detected:</source>
        <translation>Erkannt:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Zeichenkodierung:</translation>
    </message>
    <message>
        <source>Separator:</source>
        <translation>Trennzeichen:</translation>
    </message>
    <message>
        <source>separator %1</source>
        <translation>Trennzeichen %1</translation>
    </message>
    <message>
        <source>sheet %1</source>
        <translation>Blatt %1</translation>
    </message>
    <message>
        <source>rows: %1</source>
        <translation>Zeilen: %1</translation>
    </message>
    <message>
        <source>empty lines skipped: %1</source>
        <translation>leere Zeilen übersprungen: %1</translation>
    </message>
</context>
<context>
    <name>ProfileChooser</name>
    <message>
        <source>Choose a profile</source>
        <translation>Profil wählen</translation>
    </message>
    <message>
        <source>Several profiles are stored on this computer:</source>
        <translation>Auf diesem Computer sind mehrere Profile gespeichert:</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
</context>
<context>
    <name>ProtocolDialog</name>
    <message>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>Consultation record</source>
        <translation>Beratungsprotokoll</translation>
    </message>
    <message>
        <source>Print …</source>
        <translation>Drucken …</translation>
    </message>
    <message>
        <source>Save as …</source>
        <translation>Speichern unter …</translation>
    </message>
</context>
<context>
    <name>QuestionnaireDialog</name>
    <message>
        <source>ESF questionnaire – %1</source>
        <translation>ESF-Fragebogen – %1</translation>
    </message>
    <message>
        <source>The answers describe the situation on the date given and stay as recorded; later changes of the person do not change them. A correction is saved as a new version with its reason.</source>
        <translation>Die Angaben beschreiben die Situation am angegebenen Datum und bleiben so, wie sie erfasst wurden; spätere Änderungen an der Person ändern sie nicht. Eine Korrektur wird als neue Fassung mit ihrem Grund gespeichert.</translation>
    </message>
    <message>
        <source>Take answers from the person record</source>
        <translation>Angaben aus den Personendaten übernehmen</translation>
    </message>
    <message>
        <source>Fills the empty Part 1 fields from the person; check each with the person.</source>
        <translation>Füllt die leeren Felder von Teil 1 aus den Personendaten; bitte jede Angabe mit der Person prüfen.</translation>
    </message>
    <message>
        <source>Part 1 (entry)</source>
        <translation>Teil 1 (Eintritt)</translation>
    </message>
    <message>
        <source>Part 2 (exit)</source>
        <translation>Teil 2 (Austritt)</translation>
    </message>
    <message>
        <source>— not answered yet —</source>
        <translation>— noch nicht beantwortet —</translation>
    </message>
    <message>
        <source>Date of entry</source>
        <translation>Eintrittsdatum</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Geburtsjahr</translation>
    </message>
    <message>
        <source>Employment status at entry</source>
        <translation>Erwerbsstatus bei Eintritt</translation>
    </message>
    <message>
        <source>Highest education (ISCED)</source>
        <translation>Höchster Bildungsabschluss (ISCED)</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Behinderung</translation>
    </message>
    <message>
        <source>Third-country national</source>
        <translation>Drittstaatsangehörig</translation>
    </message>
    <message>
        <source>Foreign origin</source>
        <translation>Ausländische Herkunft</translation>
    </message>
    <message>
        <source>Minority (incl. marginalised communities)</source>
        <translation>Minderheit (einschließlich marginalisierter Gemeinschaften)</translation>
    </message>
    <message>
        <source>Homeless or affected by housing exclusion</source>
        <translation>Obdachlos oder von Ausgrenzung auf dem Wohnungsmarkt betroffen</translation>
    </message>
    <message>
        <source>Lives in a rural area</source>
        <translation>Wohnt im ländlichen Raum</translation>
    </message>
    <message>
        <source>Date of leaving</source>
        <translation>Austrittsdatum</translation>
    </message>
    <message>
        <source>Engaged in job searching</source>
        <translation>Auf Arbeitssuche</translation>
    </message>
    <message>
        <source>In education or training</source>
        <translation>In schulischer oder beruflicher Bildung</translation>
    </message>
    <message>
        <source>Gained a qualification</source>
        <translation>Qualifizierung erlangt</translation>
    </message>
    <message>
        <source>In employment, including self-employment</source>
        <translation>Erwerbstätig, einschließlich Selbstständige</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation>Grund der Korrektur</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Fassungen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Fassung</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>No answer (keine Angabe)</source>
        <translation>Keine Angabe</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Needs the person&apos;s explicit consent (GDPR Art. 9), see Privacy.</source>
        <translation>Erfordert die ausdrückliche Einwilligung der Person (DSGVO Art. 9), siehe Datenschutz.</translation>
    </message>
    <message>
        <source>Version %1 recorded.</source>
        <translation>Fassung %1 erfasst.</translation>
    </message>
    <message>
        <source>Not recorded yet.</source>
        <translation>Noch nicht erfasst.</translation>
    </message>
    <message>
        <source>Incomplete, not counted: %1 missing.</source>
        <translation>Unvollständig, wird nicht gezählt: %1 fehlt.</translation>
    </message>
    <message>
        <source>Every mandatory answer is there (complete).</source>
        <translation>Alle Pflichtangaben sind vorhanden (vollständig).</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Possibly already recorded:</source>
        <translation>Möglicherweise schon erfasst:</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Referrals to partners</source>
        <translation>Weiterverweisungen an Partner</translation>
    </message>
    <message>
        <source>Partner offer</source>
        <translation>Partnerangebot</translation>
    </message>
    <message>
        <source>Partner type</source>
        <translation>Partnerart</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>New referral</source>
        <translation>Neue Weiterverweisung</translation>
    </message>
    <message>
        <source>Search the partner directory …</source>
        <translation>Im Partnerverzeichnis suchen …</translation>
    </message>
    <message>
        <source>Partner &amp;offer</source>
        <translation>Partner&amp;angebot</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>Ask again on</source>
        <translation>Nachfragen am</translation>
    </message>
    <message>
        <source>Re&amp;fer</source>
        <translation>&amp;Weiterverweisen</translation>
    </message>
    <message>
        <source>Outcome of the selected referral</source>
        <translation>Ergebnis der gewählten Weiterverweisung</translation>
    </message>
    <message>
        <source>O&amp;utcome</source>
        <translation>&amp;Ergebnis</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Record &amp;outcome</source>
        <translation>Ergebnis &amp;erfassen</translation>
    </message>
    <message>
        <source>— choose an offer —</source>
        <translation>— Angebot wählen —</translation>
    </message>
    <message>
        <source>Referred; a follow-up was added.</source>
        <translation>Weiterverwiesen; eine Wiedervorlage wurde angelegt.</translation>
    </message>
    <message>
        <source>Select a referral first.</source>
        <translation>Bitte zuerst eine Weiterverweisung auswählen.</translation>
    </message>
    <message>
        <source>Outcome recorded.</source>
        <translation>Ergebnis erfasst.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Activity report</source>
        <translation>Tätigkeitsbericht</translation>
    </message>
    <message>
        <source>ESF Plus indicator report</source>
        <translation>ESF-Plus-Indikatorenbericht</translation>
    </message>
    <message>
        <source>Self-employed situation report</source>
        <translation>Bericht zur Lage der Selbstständigen</translation>
    </message>
    <message>
        <source>Consultation record (Beratungsprotokoll)</source>
        <translation>Beratungsprotokoll</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Dieses Quartal</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Letztes Quartal</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>Von – bis</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Beratung</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Create report</source>
        <translation>Bericht erstellen</translation>
    </message>
    <message>
        <source>Print …</source>
        <translation>Drucken …</translation>
    </message>
    <message>
        <source>Save as …</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <source>Your role (%1) may not make these reports.</source>
        <translation>Ihre Rolle (%1) darf diese Berichte nicht erstellen.</translation>
    </message>
    <message>
        <source>The choice has changed: create the report again.</source>
        <translation>Die Auswahl wurde geändert: Bericht bitte neu erstellen.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Creating the report …</source>
        <translation>Bericht wird erstellt …</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>Persons whose retention period has ended (last contact plus {0} months, and not before the end of the ESF retention period on {1}). Erase them or keep them longer; both are logged.</source>
        <translation>Personen, deren Aufbewahrungsfrist abgelaufen ist (letzter Kontakt plus {0} Monate, frühestens zum Ende der ESF-Aufbewahrungsfrist am {1}). Löschen oder länger aufbewahren – beides wird protokolliert.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <source>Review since</source>
        <translation>Prüfung fällig seit</translation>
    </message>
    <message>
        <source> year(s)</source>
        <translation> Jahr(e)</translation>
    </message>
    <message>
        <source>&amp;Keep longer</source>
        <translation>&amp;Länger aufbewahren</translation>
    </message>
    <message>
        <source>&amp;Erase …</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Only a manager can erase or extend.</source>
        <translation>Nur die Leitung kann löschen oder verlängern.</translation>
    </message>
    <message>
        <source>Select a person first.</source>
        <translation>Bitte zuerst eine Person auswählen.</translation>
    </message>
    <message>
        <source>Kept until {0}.</source>
        <translation>Aufbewahrt bis {0}.</translation>
    </message>
    <message>
        <source>Erase person</source>
        <translation>Person löschen</translation>
    </message>
    <message>
        <source>Erase all personal data of this person everywhere? This cannot be undone.</source>
        <translation>Alle personenbezogenen Daten dieser Person überall löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Erased.</source>
        <translation>Gelöscht.</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Importing …</source>
        <translation>Import läuft …</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Search organisations, persons, consultations, events …</source>
        <translation>Organisationen, Personen, Beratungen, Veranstaltungen suchen …</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>↑↓ choose · Enter open · Esc close</source>
        <translation>↑↓ auswählen · Enter öffnen · Esc schließen</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Beratung</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Partner offer</source>
        <translation>Partnerangebot</translation>
    </message>
    <message>
        <source>Wissenspool</source>
        <translation>Wissenspool</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The new language applies after a restart.</source>
        <translation>Die neue Sprache gilt nach einem Neustart.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Keep automatic backups for</source>
        <translation>Automatische Sicherungen aufbewahren</translation>
    </message>
    <message>
        <source>&amp;Keep automatic backups for:</source>
        <translation>Automatische Sicherungen &amp;aufbewahren:</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>&amp;Restore from file …</source>
        <translation>Aus Datei &amp;wiederherstellen …</translation>
    </message>
    <message>
        <source>Backups are kept in %1</source>
        <translation>Sicherungen liegen in %1</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Sync interval</source>
        <translation>Synchronisationsintervall</translation>
    </message>
    <message>
        <source>Synchronise every:</source>
        <translation>Synchronisieren alle:</translation>
    </message>
    <message>
        <source>Applies when this device is logged in to a hub.</source>
        <translation>Gilt, sobald dieses Gerät an einem Hub angemeldet ist.</translation>
    </message>
    <message>
        <source>Data protection</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <source>Review persons after their last contact:</source>
        <translation>Personen prüfen nach ihrem letzten Kontakt:</translation>
    </message>
    <message>
        <source>Not before the end of the ESF retention period:</source>
        <translation>Nicht vor dem Ende der ESF-Aufbewahrungsfrist:</translation>
    </message>
    <message>
        <source>Mark older backups (erase again on restore)</source>
        <translation>Ältere Sicherungen vermerken (beim Wiederherstellen erneut löschen)</translation>
    </message>
    <message>
        <source>Replace older backups by a new one</source>
        <translation>Ältere Sicherungen durch eine neue ersetzen</translation>
    </message>
    <message>
        <source>After an erasure:</source>
        <translation>Nach einer Löschung:</translation>
    </message>
    <message>
        <source>Save data protection settings</source>
        <translation>Datenschutz-Einstellungen speichern</translation>
    </message>
    <message>
        <source>Only the centre manager may change these settings.</source>
        <translation>Nur die Zentrumsleitung darf diese Einstellungen ändern.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>Sicherung geschrieben: %1</translation>
    </message>
    <message>
        <source>Backing up …</source>
        <translation>Sichere …</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Backups (*.zzbak *.db);;All files (*)</source>
        <translation>Sicherungen (*.zzbak *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Replace all data on this device by the backup? A copy of the current data is kept. The app closes afterwards.</source>
        <translation>Alle Daten auf diesem Gerät durch die Sicherung ersetzen? Eine Kopie der aktuellen Daten wird aufbewahrt. Die Anwendung wird danach beendet.</translation>
    </message>
    <message>
        <source>The backup was restored. Please start the app again.</source>
        <translation>Die Sicherung wurde wiederhergestellt. Bitte starten Sie die Anwendung neu.</translation>
    </message>
    <message>
        <source>Restoring …</source>
        <translation>Stelle wieder her …</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Good day</source>
        <translation>Guten Tag</translation>
    </message>
    <message>
        <source>Follow-ups due today and overdue</source>
        <translation>Heute fällige und überfällige Wiedervorlagen</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Fällige Wiedervorlagen</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Mark as &amp;done</source>
        <translation>Als &amp;erledigt markieren</translation>
    </message>
    <message>
        <source>Recent consultations</source>
        <translation>Letzte Beratungen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Not connected to a hub yet. Everything is stored on this device.</source>
        <translation>Noch nicht mit einem Hub verbunden. Alles wird auf diesem Gerät gespeichert.</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <source>Nothing due — well done.</source>
        <translation>Nichts fällig – gut gemacht.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>Import rückgängig machen</translation>
    </message>
    <message>
        <source>%1 imported, %2 linked to existing records, %3 skipped, %4 rejected.</source>
        <translation>%1 importiert, %2 mit vorhandenen Datensätzen verknüpft, %3 übersprungen, %4 abgelehnt.</translation>
    </message>
    <message>
        <source>The rejected rows and their reasons are in %1.</source>
        <translation>Die abgelehnten Zeilen mit ihren Gründen stehen in %1.</translation>
    </message>
    <message>
        <source>Created: %1 organisations, %2 persons, %3 links.</source>
        <translation>Angelegt: %1 Organisationen, %2 Personen, %3 Zuordnungen.</translation>
    </message>
    <message>
        <source>The import has been undone.</source>
        <translation>Der Import wurde rückgängig gemacht.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Synchronise</source>
        <extracomment>The one sync interval setting (in the profile, not in QSettings): the settings page writes it, the scheduler reads it.</extracomment>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <source>Synchronise with the hub</source>
        <translation>Mit dem Hub synchronisieren</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Synchronisiere …</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>senden</translation>
    </message>
    <message>
        <source>receiving</source>
        <translation>empfangen</translation>
    </message>
    <message>
        <source>checking</source>
        <translation>prüfen</translation>
    </message>
    <message>
        <source>Synchronising: %1 %2/%3</source>
        <translation>Synchronisiere: %1 %2/%3</translation>
    </message>
    <message>
        <source>Synchronisation failed. Details are in the log file.</source>
        <translation>Die Synchronisation ist fehlgeschlagen. Einzelheiten stehen in der Protokolldatei.</translation>
    </message>
    <message>
        <source>Many deletions</source>
        <translation>Viele Löschungen</translation>
    </message>
    <message>
        <source>Logged out of the hub. Your data stays on this device.</source>
        <translation>Vom Hub abgemeldet. Ihre Daten bleiben auf diesem Gerät.</translation>
    </message>
</context>
<context>
    <name>SyncProblemsDialog</name>
    <message>
        <source>Sync problems</source>
        <translation>Sync-Probleme</translation>
    </message>
    <message>
        <source>&lt;b&gt;Changes the hub refused&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vom Hub abgelehnte Änderungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>These changes were kept on this device but not taken over by the hub. Correct the record and save it again, then remove the entry.</source>
        <translation>Diese Änderungen sind auf diesem Gerät erhalten, wurden vom Hub aber nicht übernommen. Korrigieren Sie den Datensatz, speichern Sie ihn erneut und entfernen Sie dann den Eintrag.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Taken care of — remove entry</source>
        <translation>Erledigt – Eintrag entfernen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Received records held back&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zurückgehaltene empfangene Datensätze&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
</context>
<context>
    <name>TeamOverview</name>
    <message>
        <source>Team this month</source>
        <translation>Team in diesem Monat</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Beratende</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Beratungen</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>Offene Wiedervorlagen</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <source>Near the 80 h cap</source>
        <translation>Nahe an der 80-h-Grenze</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Events this month</source>
        <translation>Veranstaltungen in diesem Monat</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>(no advisor recorded)</source>
        <translation>(keine Beratenden erfasst)</translation>
    </message>
    <message>
        <source>This device: last sync %1, %2 changes waiting.</source>
        <translation>Dieses Gerät: zuletzt synchronisiert %1, %2 Änderungen warten.</translation>
    </message>
    <message>
        <source>This device: not synchronised yet, %2 changes waiting.</source>
        <translation>Dieses Gerät: noch nicht synchronisiert, %2 Änderungen warten.</translation>
    </message>
    <message>
        <source>The hub does not report the other devices of the centre.</source>
        <translation>Die anderen Geräte des Zentrums meldet der Hub nicht.</translation>
    </message>
</context>
<context>
    <name>TopicPicker</name>
    <message>
        <source>Type a topic and press Enter</source>
        <translation>Thema tippen und Enter drücken</translation>
    </message>
    <message>
        <source>Chosen topics</source>
        <translation>Gewählte Themen</translation>
    </message>
</context>
</TS>
