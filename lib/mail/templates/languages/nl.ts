import type { LanguagePack } from "./types";

export const nl: LanguagePack = {
  code: "nl",
  name: "Nederlands",
  common: {
    greeting: "Hallo,",
    codeExpiry: "De code is {minutes} minuten geldig en werkt maar één keer. Deel hem met niemand: {brand} zal er nooit om vragen.",
    linkOnce: "De link werkt maar één keer.",
    linkExpiry: "Hij verloopt over {duration}.",
    units: { minute: "minuut", minutes: "minuten", hour: "uur", hours: "uur" },
    linkFallback: "Werkt de knop niet? Kopieer dan dit adres naar je browser:",
    ignore: "Heb je hier niet om gevraagd? Dan kun je dit bericht negeren; er verandert niets aan je account.",
    notYou:
      "Was jij dit niet? Stel dan meteen een nieuw wachtwoord in en controleer je beveiligingsinstellingen, of neem contact op met support.",
    askAdmin: "Heb je hier vragen over? Neem dan contact op met je beheerder.",
    reviewAction: "Beveiligingsinstellingen bekijken",
    footer: "Je ontvangt dit bericht vanwege activiteit op je {brand}-account.",
    automated: "Dit is een automatisch bericht; antwoorden worden niet gelezen.",
    device: { on: "{browser} op {system}", unknown: "een onbekend apparaat" },
    methods: { totp: "authenticator-app", emailOtp: "e-mailcodes", recoveryCodes: "herstelcodes" },
  },
  templates: {
    "2fa-email-code": {
      subject: "Je verificatiecode voor {brand}",
      heading: "Je verificatiecode",
      paragraphs: ["Voer deze code in bij {brand} om te bevestigen dat jij het bent."],
    },
    "password-reset-code": {
      subject: "Je wachtwoord voor {brand} opnieuw instellen",
      heading: "Je code om je wachtwoord opnieuw in te stellen",
      paragraphs: [
        "Er is gevraagd om het wachtwoord van je {brand}-account opnieuw in te stellen. Voer deze code in om een nieuw wachtwoord te kiezen.",
      ],
    },
    "email-transfer-code": {
      subject: "Bevestig je nieuwe e-mailadres voor {brand}",
      heading: "Bevestig je nieuwe e-mailadres",
      paragraphs: [
        "Je hebt gevraagd om je {brand}-account over te zetten naar {newEmail}. Voer deze code in om te bevestigen dat dit adres van jou is.",
      ],
    },
    "password-reset-link": {
      subject: "Je wachtwoord voor {brand} opnieuw instellen",
      heading: "Stel je wachtwoord opnieuw in",
      paragraphs: [
        "Er is gevraagd om het wachtwoord van je {brand}-account opnieuw in te stellen. Kies met de knop hieronder een nieuw wachtwoord.",
      ],
      action: "Nieuw wachtwoord kiezen",
    },
    "email-change-undo": {
      subject: "Het e-mailadres van je {brand}-account is gewijzigd",
      heading: "Je e-mailadres is gewijzigd",
      paragraphs: [
        "Het e-mailadres van je {brand}-account is gewijzigd van {oldEmail} naar {newEmail}. Berichten over aanmelden en beveiliging gaan voortaan naar het nieuwe adres.",
        "Heb jij dit niet gedaan? Maak de wijziging dan ongedaan met de knop hieronder en stel daarna een nieuw wachtwoord in.",
      ],
      action: "Wijziging ongedaan maken",
    },
    "email-change-undone-reset": {
      subject: "Kies een nieuw wachtwoord voor je {brand}-account",
      heading: "Kies een nieuw wachtwoord",
      paragraphs: [
        "De wijziging van het e-mailadres van je {brand}-account is ongedaan gemaakt: het account hoort weer bij dit adres. Om het te beschermen is het wachtwoord verwijderd en zijn alle apparaten afgemeld. Kies met de knop hieronder een nieuw wachtwoord.",
      ],
      action: "Nieuw wachtwoord kiezen",
    },
    "account-setup-link": {
      subject: "Stel je {brand}-account in",
      heading: "Welkom bij {brand}",
      paragraphs: ["Er is een account voor je aangemaakt bij {brand}. Kies met de knop hieronder een wachtwoord om het in te stellen."],
      action: "Mijn account instellen",
    },
    "password-changed": {
      subject: "Je wachtwoord voor {brand} is gewijzigd",
      heading: "Je wachtwoord is gewijzigd",
      paragraphs: ["Het wachtwoord van je {brand}-account is zojuist gewijzigd. Je andere apparaten zijn afgemeld."],
    },
    "password-reset": {
      subject: "Je wachtwoord voor {brand} is opnieuw ingesteld",
      heading: "Je wachtwoord is opnieuw ingesteld",
      paragraphs: [
        "Het wachtwoord van je {brand}-account is opnieuw ingesteld met een code of link die naar dit adres is gestuurd. Alle apparaten zijn afgemeld.",
      ],
    },
    "2fa-method-added": {
      subject: "Nieuwe methode voor tweestapsverificatie op je {brand}-account",
      heading: "Er is een aanmeldmethode toegevoegd",
      paragraphs: ["De methode voor tweestapsverificatie ‘{method}’ is ingeschakeld voor je {brand}-account."],
    },
    "2fa-method-removed": {
      subject: "Methode voor tweestapsverificatie verwijderd van je {brand}-account",
      heading: "Er is een aanmeldmethode verwijderd",
      paragraphs: ["De methode voor tweestapsverificatie ‘{method}’ is uitgeschakeld voor je {brand}-account."],
    },
    "passkey-added": {
      subject: "Er is een passkey toegevoegd aan je {brand}-account",
      heading: "Er is een passkey toegevoegd",
      paragraphs: ["De passkey ‘{passkeyName}’ is toegevoegd aan je {brand}-account. Je kunt je er nu mee aanmelden."],
    },
    "passkey-renamed": {
      subject: "Een passkey van je {brand}-account heeft een nieuwe naam",
      heading: "Een passkey heeft een nieuwe naam",
      paragraphs: ["De passkey ‘{oldPasskeyName}’ van je {brand}-account heet nu ‘{passkeyName}’."],
    },
    "passkey-removed": {
      subject: "Er is een passkey verwijderd van je {brand}-account",
      heading: "Er is een passkey verwijderd",
      paragraphs: ["De passkey ‘{passkeyName}’ is verwijderd van je {brand}-account. Je kunt je er niet meer mee aanmelden."],
    },
    "recovery-codes-reset": {
      subject: "Nieuwe herstelcodes voor je {brand}-account",
      heading: "Je herstelcodes zijn vervangen",
      paragraphs: ["Er is een nieuwe set herstelcodes aangemaakt voor je {brand}-account. De vorige codes werken niet meer."],
    },
    "email-changed": {
      subject: "Het e-mailadres van je {brand}-account is gewijzigd",
      heading: "Je e-mailadres is gewijzigd",
      paragraphs: ["Het e-mailadres van je {brand}-account is gewijzigd."],
      optional: { newEmail: "Het nieuwe adres is {newEmail}." },
    },
    "account-locked": {
      subject: "Je {brand}-account is geblokkeerd",
      heading: "Je account is geblokkeerd",
      paragraphs: ["Een beheerder heeft je {brand}-account geblokkeerd. Je kunt pas weer aanmelden als het is vrijgegeven."],
    },
    "recovery-code-used": {
      subject: "Er is een herstelcode gebruikt voor je {brand}-account",
      heading: "Er is een herstelcode gebruikt",
      paragraphs: [
        "Een van je herstelcodes is zojuist gebruikt om in te loggen op je {brand}-account of om daar een handeling te bevestigen. Elke code werkt maar één keer.",
        "Ongebruikte herstelcodes over: {remaining}. Raken ze op, maak dan een nieuwe set aan in je beveiligingsinstellingen.",
      ],
    },
    "new-device-sign-in": {
      subject: "Nieuwe aanmelding bij je {brand}-account",
      heading: "Aangemeld vanaf een nieuw apparaat",
      paragraphs: ["Er is zojuist ingelogd op je {brand}-account vanaf {device}. Daarmee was nog niet eerder op dit account ingelogd."],
      optional: { time: "Wanneer: {time}.", ip: "IP-adres: {ip}." },
    },
    "2fa-reset-by-admin": {
      subject: "Tweestapsverificatie van je {brand}-account is gereset",
      heading: "Je tweestapsverificatie is gereset",
      paragraphs: [
        "Een beheerder heeft alle methoden voor tweestapsverificatie van je {brand}-account uitgeschakeld. Meld je aan en stel tweestapsverificatie opnieuw in om je account te beschermen.",
      ],
    },
  },
};
