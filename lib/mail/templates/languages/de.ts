import type { LanguagePack } from "./types";

export const de: LanguagePack = {
  code: "de",
  name: "Deutsch",
  common: {
    greeting: "Hallo,",
    codeExpiry:
      "Der Code ist {minutes} Minuten gültig und kann nur einmal verwendet werden. Geben Sie ihn nicht weiter: {brand} wird Sie nie danach fragen.",
    linkOnce: "Der Link kann nur einmal verwendet werden.",
    linkExpiry: "Er läuft in {duration} ab.",
    units: { minute: "Minute", minutes: "Minuten", hour: "Stunde", hours: "Stunden" },
    linkFallback: "Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:",
    ignore: "Falls Sie dies nicht angefordert haben, können Sie diese Nachricht ignorieren; an Ihrem Konto ändert sich nichts.",
    notYou:
      "Falls Sie das nicht waren, setzen Sie sofort Ihr Passwort zurück und prüfen Sie Ihre Sicherheitseinstellungen, oder wenden Sie sich an den Support.",
    askAdmin: "Bei Fragen dazu wenden Sie sich bitte an Ihren Administrator.",
    reviewAction: "Sicherheitseinstellungen prüfen",
    footer: "Sie erhalten diese Nachricht aufgrund einer Aktivität in Ihrem {brand}-Konto.",
    automated: "Dies ist eine automatische Nachricht; Antworten werden nicht gelesen.",
    device: { on: "{browser} unter {system}", unknown: "einem unbekannten Gerät" },
    methods: { totp: "Authenticator-App", emailOtp: "E-Mail-Codes", recoveryCodes: "Wiederherstellungscodes" },
  },
  templates: {
    "2fa-email-code": {
      subject: "Ihr Bestätigungscode für {brand}",
      heading: "Ihr Bestätigungscode",
      paragraphs: ["Geben Sie diesen Code bei {brand} ein, um zu bestätigen, dass Sie es sind."],
    },
    "password-reset-code": {
      subject: "Ihr {brand}-Passwort zurücksetzen",
      heading: "Ihr Code zum Zurücksetzen des Passworts",
      paragraphs: [
        "Es wurde angefordert, das Passwort Ihres {brand}-Kontos zurückzusetzen. Geben Sie diesen Code ein, um ein neues Passwort zu wählen.",
      ],
    },
    "email-transfer-code": {
      subject: "Bestätigen Sie Ihre neue E-Mail-Adresse für {brand}",
      heading: "Bestätigen Sie Ihre neue E-Mail-Adresse",
      paragraphs: [
        "Sie haben angefordert, Ihr {brand}-Konto auf {newEmail} umzustellen. Geben Sie diesen Code ein, um zu bestätigen, dass diese Adresse Ihnen gehört.",
      ],
    },
    "password-reset-link": {
      subject: "Ihr {brand}-Passwort zurücksetzen",
      heading: "Setzen Sie Ihr Passwort zurück",
      paragraphs: [
        "Es wurde angefordert, das Passwort Ihres {brand}-Kontos zurückzusetzen. Wählen Sie über die Schaltfläche unten ein neues Passwort.",
      ],
      action: "Neues Passwort wählen",
    },
    "email-change-undo": {
      subject: "Die E-Mail-Adresse Ihres {brand}-Kontos wurde geändert",
      heading: "Ihre E-Mail-Adresse wurde geändert",
      paragraphs: [
        "Die E-Mail-Adresse Ihres {brand}-Kontos wurde von {oldEmail} in {newEmail} geändert. Anmelde- und Sicherheitsnachrichten gehen ab jetzt an die neue Adresse.",
        "Falls Sie diese Änderung nicht vorgenommen haben, machen Sie sie über die Schaltfläche unten rückgängig und setzen Sie anschließend Ihr Passwort zurück.",
      ],
      action: "Änderung rückgängig machen",
    },
    "email-change-undone-reset": {
      subject: "Wählen Sie ein neues Passwort für Ihr {brand}-Konto",
      heading: "Wählen Sie ein neues Passwort",
      paragraphs: [
        "Die Änderung der E-Mail-Adresse Ihres {brand}-Kontos wurde rückgängig gemacht: Das Konto gehört wieder zu dieser Adresse. Zu seinem Schutz wurde das Passwort entfernt und alle Geräte wurden abgemeldet. Wählen Sie über die Schaltfläche unten ein neues Passwort.",
      ],
      action: "Neues Passwort wählen",
    },
    "account-setup-link": {
      subject: "Richten Sie Ihr {brand}-Konto ein",
      heading: "Willkommen bei {brand}",
      paragraphs: [
        "Für Sie wurde ein Konto bei {brand} angelegt. Wählen Sie über die Schaltfläche unten ein Passwort, um die Einrichtung abzuschließen.",
      ],
      action: "Mein Konto einrichten",
    },
    "password-changed": {
      subject: "Ihr {brand}-Passwort wurde geändert",
      heading: "Ihr Passwort wurde geändert",
      paragraphs: ["Das Passwort Ihres {brand}-Kontos wurde soeben geändert. Ihre anderen Geräte wurden abgemeldet."],
    },
    "password-reset": {
      subject: "Ihr {brand}-Passwort wurde zurückgesetzt",
      heading: "Ihr Passwort wurde zurückgesetzt",
      paragraphs: [
        "Das Passwort Ihres {brand}-Kontos wurde mit einem Code oder Link zurückgesetzt, der an diese Adresse gesendet wurde. Alle Geräte wurden abgemeldet.",
      ],
    },
    "2fa-method-added": {
      subject: "Neue Methode für die Zwei-Faktor-Authentifizierung in Ihrem {brand}-Konto",
      heading: "Eine Anmeldemethode wurde hinzugefügt",
      paragraphs: ["Die Zwei-Faktor-Methode „{method}“ wurde für Ihr {brand}-Konto aktiviert."],
    },
    "2fa-method-removed": {
      subject: "Methode für die Zwei-Faktor-Authentifizierung aus Ihrem {brand}-Konto entfernt",
      heading: "Eine Anmeldemethode wurde entfernt",
      paragraphs: ["Die Zwei-Faktor-Methode „{method}“ wurde für Ihr {brand}-Konto deaktiviert."],
    },
    "passkey-added": {
      subject: "Ein Passkey wurde Ihrem {brand}-Konto hinzugefügt",
      heading: "Ein Passkey wurde hinzugefügt",
      paragraphs: ["Der Passkey „{passkeyName}“ wurde Ihrem {brand}-Konto hinzugefügt. Sie können sich jetzt damit anmelden."],
    },
    "passkey-renamed": {
      subject: "Ein Passkey Ihres {brand}-Kontos wurde umbenannt",
      heading: "Ein Passkey wurde umbenannt",
      paragraphs: ["Der Passkey „{oldPasskeyName}“ Ihres {brand}-Kontos heißt jetzt „{passkeyName}“."],
    },
    "passkey-removed": {
      subject: "Ein Passkey wurde aus Ihrem {brand}-Konto entfernt",
      heading: "Ein Passkey wurde entfernt",
      paragraphs: ["Der Passkey „{passkeyName}“ wurde aus Ihrem {brand}-Konto entfernt. Sie können sich nicht mehr damit anmelden."],
    },
    "recovery-codes-reset": {
      subject: "Neue Wiederherstellungscodes für Ihr {brand}-Konto",
      heading: "Ihre Wiederherstellungscodes wurden ersetzt",
      paragraphs: [
        "Für Ihr {brand}-Konto wurde ein neuer Satz Wiederherstellungscodes erstellt. Die bisherigen Codes funktionieren nicht mehr.",
      ],
    },
    "email-changed": {
      subject: "Die E-Mail-Adresse Ihres {brand}-Kontos wurde geändert",
      heading: "Ihre E-Mail-Adresse wurde geändert",
      paragraphs: ["Die E-Mail-Adresse Ihres {brand}-Kontos wurde geändert."],
      optional: { newEmail: "Die neue Adresse lautet {newEmail}." },
    },
    "account-locked": {
      subject: "Ihr {brand}-Konto wurde gesperrt",
      heading: "Ihr Konto wurde gesperrt",
      paragraphs: ["Ein Administrator hat Ihr {brand}-Konto gesperrt. Sie können sich erst wieder anmelden, wenn es entsperrt wurde."],
    },
    "recovery-code-used": {
      subject: "Für Ihr {brand}-Konto wurde ein Wiederherstellungscode verwendet",
      heading: "Ein Wiederherstellungscode wurde verwendet",
      paragraphs: [
        "Einer Ihrer Wiederherstellungscodes wurde soeben verwendet, um sich bei Ihrem {brand}-Konto anzumelden oder dort eine Aktion zu bestätigen. Jeder Code funktioniert nur einmal.",
        "Noch unbenutzte Wiederherstellungscodes: {remaining}. Wenn sie zur Neige gehen, erstellen Sie in Ihren Sicherheitseinstellungen einen neuen Satz.",
      ],
    },
    "new-device-sign-in": {
      subject: "Neue Anmeldung bei Ihrem {brand}-Konto",
      heading: "Eine Anmeldung von einem neuen Gerät",
      paragraphs: [
        "Soeben hat sich jemand von {device} aus bei Ihrem {brand}-Konto angemeldet. Damit wurde dieses Konto bisher noch nie verwendet.",
      ],
      optional: { time: "Wann: {time}.", ip: "IP-Adresse: {ip}." },
    },
    "2fa-reset-by-admin": {
      subject: "Die Zwei-Faktor-Authentifizierung Ihres {brand}-Kontos wurde zurückgesetzt",
      heading: "Ihre Zwei-Faktor-Authentifizierung wurde zurückgesetzt",
      paragraphs: [
        "Ein Administrator hat alle Zwei-Faktor-Methoden Ihres {brand}-Kontos deaktiviert. Melden Sie sich an und richten Sie die Zwei-Faktor-Authentifizierung erneut ein, um Ihr Konto zu schützen.",
      ],
    },
  },
};
