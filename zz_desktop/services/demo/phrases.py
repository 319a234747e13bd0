"""The phrase banks of demo consultations: sentences for the situation, the findings, the
agreements and the recommendations, per topic and generic, composed per consultation by
:mod:`.generator`. Plain data."""

from __future__ import annotations

# Sentences are composed per consultation. Placeholders: {company}, {city}, {employees},
# {sector}, {tool}, {weeks}, {count}, {occupation}, {client}.

TOOLS = (
    "einer Branchensoftware",
    "Microsoft 365",
    "einem ERP-System",
    "einer Zeiterfassungs-App",
    "einem Ticketsystem",
    "einer Cloud-Ablage",
    "einem Dokumentenmanagementsystem",
    "einer Tourenplanungssoftware",
    "einem Pflegedokumentationssystem",
    "einem Warenwirtschaftssystem",
)

SITUATION_GENERIC = (
    "{company} ist ein Betrieb der Branche {sector} in {city} mit {employees} Beschäftigten.",
    "Der Kontakt kam über eine Veranstaltung des Zukunftszentrums zustande.",
    "Die Geschäftsführung möchte die Arbeitsabläufe im Betrieb modernisieren, ohne die Belegschaft zu überfordern.",
    "Der Betrieb ist in den letzten Jahren gewachsen; viele Abläufe sind noch auf Papier organisiert.",
    "Mehrere langjährige Beschäftigte gehen in den nächsten Jahren in Rente, ihr Wissen ist kaum dokumentiert.",
    "Im Betrieb wird seit einiger Zeit mit {tool} gearbeitet, die Nutzung ist aber uneinheitlich.",
    "Das Unternehmen hat bereits erste Erfahrungen mit digitalen Werkzeugen gesammelt und sucht nun Orientierung.",
    "Die Auftragslage ist gut, für Veränderungsprojekte fehlt im Alltag jedoch die Zeit.",
)
FINDINGS_GENERIC = (
    "Im Gespräch wurde deutlich, dass die Beschäftigten früh beteiligt werden wollen.",
    "Die Führungskräfte sehen den größten Handlungsbedarf bei der Kommunikation zwischen Büro und Baustelle bzw. Station.",
    "Es gibt im Betrieb engagierte Personen, die als Multiplikatorinnen und Multiplikatoren gewonnen werden können.",
    "Die vorhandene IT-Ausstattung ist grundsätzlich ausreichend, wird aber nicht systematisch gepflegt.",
    "Ein schrittweises Vorgehen mit einem kleinen Pilotbereich erscheint realistisch.",
    "Zuständigkeiten für Digitalisierungsthemen sind bislang nicht geregelt.",
)
AGREEMENTS = (
    "Das Zukunftszentrum sendet bis Ende nächster Woche eine Zusammenfassung mit Materialien.",
    "Die Geschäftsführung bespricht die Ergebnisse mit den Führungskräften und meldet sich in {weeks} Wochen.",
    "Ein Folgetermin vor Ort mit Beteiligung des Betriebsrats wird vereinbart.",
    "Der Betrieb benennt eine verantwortliche Person für das Digitalisierungsvorhaben.",
    "Zwei Beschäftigte nehmen am nächsten Workshop des Zukunftszentrums teil.",
    "Das Unternehmen stellt die vorhandenen Prozessbeschreibungen vorab zur Verfügung.",
    "Gemeinsam wird ein Fahrplan mit {count} Arbeitsschritten erstellt.",
    "Die nächste Beratung findet als Videokonferenz statt.",
)
AGREEMENTS_SOLO = (
    "{client} stellt die Verträge und Rechnungen der letzten zwölf Monate zusammen.",
    "Das Zukunftszentrum sendet Informationsmaterial und Links per E-Mail.",
    "Ein Folgetermin in {weeks} Wochen wird vereinbart.",
    "{client} meldet sich nach dem Gespräch mit dem Auftraggeber.",
    "Teilnahme am nächsten Stammtisch Solo-Selbstständige ist geplant.",
)
RECOMMENDATIONS_GENERIC = (
    "Wir empfehlen, mit einem überschaubaren Pilotprojekt zu beginnen und die Erfahrungen auszuwerten.",
    "Die Beschäftigten sollten frühzeitig informiert und an der Auswahl der Lösungen beteiligt werden.",
    "Es empfiehlt sich, Qualifizierungsbedarfe systematisch zu erheben, bevor neue Werkzeuge eingeführt werden.",
    "Fördermöglichkeiten sollten vor einer Investitionsentscheidung geprüft werden.",
)

TOPIC_TEXT: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "digital_work_organisation": (
        (
            "Aufträge, Arbeitszeiten und Materialbedarfe werden bisher auf Zetteln und per Telefon abgestimmt.",
            "Die Einsatzplanung erfolgt in einer Tabelle, die nur eine Person pflegen kann.",
        ),
        (
            "Die Einsatzplanung ist stark personenabhängig; bei Krankheit entstehen Engpässe.",
            "Doppelte Datenerfassung kostet nach Schätzung der Geschäftsführung mehrere Stunden pro Woche.",
        ),
        (
            "Eine gemeinsame digitale Auftragsübersicht würde die Abstimmung deutlich erleichtern.",
            "Arbeitsabläufe sollten vor der Softwareauswahl gemeinsam mit den Beschäftigten beschrieben werden.",
        ),
    ),
    "ai_at_work": (
        (
            "Die Geschäftsführung möchte wissen, wo KI-Werkzeuge im Betrieb sinnvoll eingesetzt werden können.",
            "Einzelne Beschäftigte nutzen bereits generative KI für Texte, ohne dass es dazu Regeln gibt.",
        ),
        (
            "Potenziale bestehen vor allem bei Angebotserstellung, Dokumentation und Kundenkorrespondenz.",
            "Zu den Pflichten aus der KI-Verordnung, insbesondere zur KI-Kompetenz, besteht Unsicherheit.",
        ),
        (
            "Wir empfehlen eine interne Leitlinie zur Nutzung von KI-Werkzeugen mit klaren Regeln zu Daten.",
            "Ein kurzer Einführungsworkshop für alle Beschäftigten schafft die nötige KI-Kompetenz.",
        ),
    ),
    "qualification_training": (
        (
            "Die digitalen Kompetenzen der Belegschaft sind sehr unterschiedlich.",
            "Weiterbildung findet bislang nur anlassbezogen statt.",
        ),
        (
            "Ein Teil der Beschäftigten hat Sorge, mit neuen Systemen nicht zurechtzukommen.",
            "Es fehlt ein Überblick über vorhandene Qualifikationen und künftige Anforderungen.",
        ),
        (
            "Eine einfache Qualifizierungsmatrix hilft, Bedarfe sichtbar zu machen.",
            "Lernen im Arbeitsprozess, etwa durch Tandems, sollte ergänzend zu Kursen genutzt werden.",
        ),
    ),
    "data_protection_it_security": (
        (
            "Nach einem Phishing-Vorfall bei einem Geschäftspartner möchte der Betrieb seine IT-Sicherheit prüfen.",
            "Es ist unklar, welche Beschäftigtendaten in welchen Systemen gespeichert werden.",
        ),
        (
            "Datensicherungen werden unregelmäßig und ohne Wiederherstellungstest durchgeführt.",
            "Passwörter werden teilweise gemeinsam genutzt.",
        ),
        (
            "Wir empfehlen eine Zwei-Faktor-Anmeldung für alle Konten mit Zugriff auf Kundendaten.",
            "Ein Verzeichnis der Verarbeitungstätigkeiten sollte angelegt und jährlich aktualisiert werden.",
        ),
    ),
    "mobile_hybrid_work": (
        (
            "In der Verwaltung wird seit der Pandemie teilweise mobil gearbeitet, ohne feste Regeln.",
            "Beschäftigte in der Produktion empfinden die Regelungen zum mobilen Arbeiten als ungerecht.",
        ),
        (
            "Erreichbarkeit und Arbeitszeiterfassung im Homeoffice sind nicht geregelt.",
            "Besprechungen mit Teilnehmenden vor Ort und online funktionieren technisch schlecht.",
        ),
        (
            "Eine Vereinbarung zum mobilen Arbeiten sollte Erreichbarkeit, Ausstattung und Arbeitsschutz regeln.",
            "Für Bereiche ohne mobile Arbeit sollten andere Formen der Flexibilität geprüft werden.",
        ),
    ),
    "process_digitalisation": (
        (
            "Angebote, Rechnungen und Lieferscheine werden in getrennten Programmen erstellt.",
            "Die Zeiterfassung erfolgt auf Stundenzetteln, die im Büro abgetippt werden.",
        ),
        (
            "Medienbrüche zwischen Büro und Außendienst führen zu Fehlern und Nacharbeit.",
            "Die vorhandene Software kann mehr, als derzeit genutzt wird.",
        ),
        (
            "Wir empfehlen, zunächst den Prozess vom Auftrag bis zur Rechnung durchgängig zu digitalisieren.",
            "Vor einer Neuanschaffung sollten die Funktionen der vorhandenen Software geprüft werden.",
        ),
    ),
    "participation_codetermination": (
        (
            "Der Betriebsrat möchte bei der Einführung einer neuen Software frühzeitig beteiligt werden.",
            "Die Geschäftsführung sucht Wege, die Beschäftigten stärker in Veränderungen einzubeziehen.",
        ),
        (
            "Die Mitbestimmungsrechte nach § 87 Abs. 1 Nr. 6 BetrVG sind berührt, da das System Leistungsdaten erfassen kann.",
            "Beteiligung fand bisher vor allem in Form von Information statt.",
        ),
        (
            "Eine Rahmenbetriebsvereinbarung zu IT-Systemen kann künftige Einführungen vereinfachen.",
            "Wir empfehlen einen gemeinsamen Steuerkreis aus Geschäftsführung, Betriebsrat und Beschäftigten.",
        ),
    ),
    "health_safety_digital_work": (
        (
            "Die Beschäftigten klagen über zunehmende Arbeitsverdichtung und ständige Erreichbarkeit.",
            "Die Gefährdungsbeurteilung berücksichtigt psychische Belastungen bisher nicht.",
        ),
        (
            "Viele Bildschirmarbeitsplätze sind ergonomisch nicht eingerichtet.",
            "Unterbrechungen durch E-Mails und Chatnachrichten erschweren konzentriertes Arbeiten.",
        ),
        (
            "Die Gefährdungsbeurteilung sollte um psychische Belastungen bei digitaler Arbeit ergänzt werden.",
            "Teamregeln zu Erreichbarkeit und Kommunikationskanälen können entlasten.",
        ),
    ),
    "skilled_labour_retention": (
        (
            "Offene Stellen können seit Monaten nicht besetzt werden.",
            "Der Betrieb bildet aus, verliert aber viele Fachkräfte nach der Ausbildung.",
        ),
        (
            "Als Gründe für Kündigungen werden Arbeitszeiten und fehlende Entwicklungsmöglichkeiten genannt.",
            "Die Arbeitgebermarke ist in der Region wenig bekannt.",
        ),
        (
            "Wir empfehlen, Gespräche mit ausscheidenden Beschäftigten systematisch auszuwerten.",
            "Flexible Arbeitszeitmodelle und Entwicklungsperspektiven sollten sichtbar kommuniziert werden.",
        ),
    ),
    "leadership_communication": (
        (
            "Die Führungskräfte sind fachlich stark, haben aber wenig Erfahrung mit Veränderungsprozessen.",
            "Informationen erreichen nicht alle Beschäftigten, insbesondere nicht die Schichten.",
        ),
        (
            "Entscheidungen werden als wenig nachvollziehbar wahrgenommen.",
            "Regelmäßige Teambesprechungen finden nur in einzelnen Abteilungen statt.",
        ),
        (
            "Kurze, regelmäßige Teamrunden mit festen Themen verbessern den Informationsfluss.",
            "Eine Qualifizierung der Führungskräfte zu Führen im Wandel wird empfohlen.",
        ),
    ),
    "sustainability": (
        (
            "Großkunden fragen zunehmend nach Nachhaltigkeitsberichten und CO₂-Bilanzen.",
            "Der Betrieb möchte Energie- und Materialverbräuche transparenter machen.",
        ),
        (
            "Verbrauchsdaten liegen nur aus Rechnungen vor, nicht im laufenden Betrieb.",
            "Nachhaltigkeit wird bislang nicht mit der Digitalisierung verknüpft gedacht.",
        ),
        (
            "Eine einfache digitale Erfassung der Energieverbräuche schafft eine Grundlage für Maßnahmen.",
            "Beschäftigte sollten Ideen zur Ressourceneinsparung einbringen können.",
        ),
    ),
    "funding_programmes": (
        (
            "Das Unternehmen möchte in neue Software investieren und fragt nach Fördermöglichkeiten.",
            "Ein früherer Förderantrag scheiterte an formalen Anforderungen.",
        ),
        (
            "Für das Vorhaben kommen mehrere Landes- und Bundesprogramme in Betracht.",
            "Die Eigenmittel für die Kofinanzierung sind begrenzt.",
        ),
        (
            "Wir empfehlen, vor Auftragsvergabe die Förderfähigkeit verbindlich zu klären.",
            "Die Weiterbildung der Beschäftigten kann über die Agentur für Arbeit gefördert werden.",
        ),
    ),
    "fees_remuneration": (
        (
            "{client} arbeitet im Bereich {occupation}; die Honorare sind bisher nicht kalkuliert.",
            "Ein Auftraggeber hat die Honorare einseitig gesenkt.",
        ),
        (
            "Die aktuellen Honorare decken Sozialversicherung, Urlaub und Krankheit nicht ab.",
            "Vertragsklauseln zu Nutzungsrechten sind sehr weitgehend.",
        ),
        (
            "Eine Kalkulation mit allen Kosten und unbezahlten Zeiten sollte Grundlage künftiger Angebote sein.",
            "Honorarempfehlungen von Berufsverbänden können als Orientierung dienen.",
        ),
    ),
    "social_security": (
        (
            "Es bestehen Unsicherheiten zur Kranken- und Rentenversicherung als Selbstständige bzw. Selbstständiger.",
            "Die Beiträge zur Krankenversicherung belasten das schwankende Einkommen stark.",
        ),
        (
            "Eine Rentenversicherungspflicht als Lehrende oder arbeitnehmerähnliche Selbstständige ist möglich.",
            "Eine Absicherung gegen Arbeitslosigkeit besteht bisher nicht.",
        ),
        (
            "Wir empfehlen eine Statusklärung bei der Deutschen Rentenversicherung.",
            "Die freiwillige Arbeitslosenversicherung sollte fristgerecht geprüft werden.",
        ),
    ),
    "working_conditions": (
        (
            "Die Arbeitszeiten sind durch kurzfristige Aufträge kaum planbar.",
            "{client} arbeitet überwiegend für einen einzigen Auftraggeber.",
        ),
        (
            "Es gibt Hinweise auf Scheinselbstständigkeit.",
            "Pausen und Erholungszeiten kommen regelmäßig zu kurz.",
        ),
        (
            "Eine Streuung der Auftraggeber verringert die Abhängigkeit.",
            "Feste Bürozeiten und Reaktionsfristen sollten mit den Auftraggebern vereinbart werden.",
        ),
    ),
    "interest_group_founding": (
        (
            "Mehrere Selbstständige der Branche wollen sich zusammenschließen.",
            "Es besteht Interesse an einem gemeinsamen Auftritt gegenüber Auftraggebern.",
        ),
        (
            "Rechtsform und Finanzierung einer Interessenvertretung sind noch offen.",
            "Bestehende Verbände decken die Anliegen nur teilweise ab.",
        ),
        (
            "Wir empfehlen ein Gründungstreffen mit Unterstützung einer bestehenden Gewerkschaft oder eines Verbands.",
            "Eine einfache Satzung und klare Ziele erleichtern den Start.",
        ),
    ),
    "self_regulation": (
        (
            "Die Ratsuchenden möchten gemeinsame Standards für faire Aufträge entwickeln.",
            "Es gibt Interesse an einem Verhaltenskodex für Plattformen der Branche.",
        ),
        (
            "Unverbindliche Selbstverpflichtungen haben bisher wenig Wirkung gezeigt.",
            "Mindesthonorare sind kartellrechtlich zu prüfen.",
        ),
        (
            "Ein gemeinsamer Kodex sollte mit Auftraggebern abgestimmt und regelmäßig überprüft werden.",
            "Transparente Beschwerdewege erhöhen die Verbindlichkeit.",
        ),
    ),
    "platform_work": (
        (
            "Die Aufträge werden überwiegend über eine Online-Plattform vermittelt.",
            "Die Bewertung durch Kundinnen und Kunden bestimmt, wie viele Aufträge angeboten werden.",
        ),
        (
            "Die Kriterien der Auftragsvergabe durch den Algorithmus sind nicht nachvollziehbar.",
            "Nach einer Kontosperrung gab es keine Möglichkeit zur Stellungnahme.",
        ),
        (
            "Wir empfehlen, Auskunft über die Bewertungskriterien nach der Plattformarbeitsrichtlinie zu verlangen.",
            "Arbeitszeiten und Einnahmen sollten selbst dokumentiert werden.",
        ),
    ),
    "ombuds_case": (
        (
            "{client} wendet sich wegen eines Konflikts mit einem Auftraggeber an die Ombudsstelle.",
            "Ein Honorar ist seit mehreren Monaten offen.",
        ),
        (
            "Der Auftraggeber bestreitet die Abnahme der Leistung.",
            "Die Vertragsbedingungen wurden nachträglich geändert.",
        ),
        (
            "Die Ombudsstelle schlägt ein Vermittlungsgespräch mit beiden Seiten vor.",
            "Bis zur Klärung sollten alle Nachweise zur Leistungserbringung gesichert werden.",
        ),
    ),
}

KIND_TITLES = {
    "signposting": ("Erstgespräch", "Orientierungsberatung", "Kurzberatung"),
    "in_depth": ("Vertiefungsberatung", "Prozessbegleitung", "Workshop im Betrieb"),
    "follow_up": ("Folgegespräch", "Nachgespräch", "Zwischenbilanz"),
    "ombuds": ("Ombudsfall", "Ombudsberatung"),
}
MODE_PLACES = {"phone": "Telefon", "video": "Videokonferenz"}
