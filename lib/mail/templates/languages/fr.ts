import type { LanguagePack } from "./types";

export const fr: LanguagePack = {
  code: "fr",
  name: "Français",
  common: {
    greeting: "Bonjour,",
    codeExpiry:
      "Ce code est valable {minutes} minutes et ne peut être utilisé qu’une seule fois. Ne le communiquez à personne : {brand} ne vous le demandera jamais.",
    linkOnce: "Ce lien ne peut être utilisé qu’une seule fois.",
    linkExpiry: "Il expire dans {duration}.",
    units: { minute: "minute", minutes: "minutes", hour: "heure", hours: "heures" },
    linkFallback: "Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :",
    ignore: "Si vous n’êtes pas à l’origine de cette demande, vous pouvez ignorer ce message ; votre compte ne sera pas modifié.",
    notYou:
      "Si vous n’êtes pas à l’origine de cette action, réinitialisez immédiatement votre mot de passe et vérifiez vos paramètres de sécurité, ou contactez le support.",
    askAdmin: "Pour toute question à ce sujet, contactez votre administrateur.",
    reviewAction: "Vérifier mes paramètres de sécurité",
    footer: "Vous recevez ce message en raison d’une activité sur votre compte {brand}.",
    automated: "Ceci est un message automatique ; les réponses ne sont pas lues.",
    device: { on: "{browser} sous {system}", unknown: "un appareil inconnu" },
    methods: { totp: "application d’authentification", emailOtp: "codes par e-mail", recoveryCodes: "codes de récupération" },
  },
  templates: {
    "2fa-email-code": {
      subject: "Votre code de vérification {brand}",
      heading: "Votre code de vérification",
      paragraphs: ["Saisissez ce code dans {brand} pour confirmer votre identité."],
    },
    "password-reset-code": {
      subject: "Réinitialisation de votre mot de passe {brand}",
      heading: "Votre code de réinitialisation",
      paragraphs: [
        "Une demande de réinitialisation du mot de passe de votre compte {brand} a été faite. Saisissez ce code pour choisir un nouveau mot de passe.",
      ],
    },
    "email-transfer-code": {
      subject: "Confirmez votre nouvelle adresse e-mail {brand}",
      heading: "Confirmez votre nouvelle adresse e-mail",
      paragraphs: [
        "Vous avez demandé à transférer votre compte {brand} vers {newEmail}. Saisissez ce code pour confirmer que cette adresse vous appartient.",
      ],
    },
    "password-reset-link": {
      subject: "Réinitialisation de votre mot de passe {brand}",
      heading: "Réinitialisez votre mot de passe",
      paragraphs: [
        "Une demande de réinitialisation du mot de passe de votre compte {brand} a été faite. Utilisez le bouton ci-dessous pour choisir un nouveau mot de passe.",
      ],
      action: "Choisir un nouveau mot de passe",
    },
    "email-change-undo": {
      subject: "L’adresse e-mail de votre compte {brand} a été modifiée",
      heading: "Votre adresse e-mail a été modifiée",
      paragraphs: [
        "L’adresse e-mail de votre compte {brand} est passée de {oldEmail} à {newEmail}. Les messages de connexion et de sécurité sont désormais envoyés à la nouvelle adresse.",
        "Si vous n’êtes pas à l’origine de ce changement, annulez-le avec le bouton ci-dessous, puis réinitialisez votre mot de passe.",
      ],
      action: "Annuler ce changement",
    },
    "email-change-undone-reset": {
      subject: "Choisissez un nouveau mot de passe pour votre compte {brand}",
      heading: "Choisissez un nouveau mot de passe",
      paragraphs: [
        "Le changement d’adresse e-mail de votre compte {brand} a été annulé : le compte est de nouveau lié à cette adresse. Pour le protéger, son mot de passe a été supprimé et tous les appareils ont été déconnectés. Utilisez le bouton ci-dessous pour choisir un nouveau mot de passe.",
      ],
      action: "Choisir un nouveau mot de passe",
    },
    "account-setup-link": {
      subject: "Configurez votre compte {brand}",
      heading: "Bienvenue sur {brand}",
      paragraphs: [
        "Un compte a été créé pour vous sur {brand}. Utilisez le bouton ci-dessous pour choisir un mot de passe et terminer sa configuration.",
      ],
      action: "Configurer mon compte",
    },
    "password-changed": {
      subject: "Le mot de passe de votre compte {brand} a été modifié",
      heading: "Votre mot de passe a été modifié",
      paragraphs: ["Le mot de passe de votre compte {brand} vient d’être modifié. Vos autres appareils ont été déconnectés."],
    },
    "password-reset": {
      subject: "Le mot de passe de votre compte {brand} a été réinitialisé",
      heading: "Votre mot de passe a été réinitialisé",
      paragraphs: [
        "Le mot de passe de votre compte {brand} a été réinitialisé à l’aide d’un code ou d’un lien envoyé à cette adresse. Tous vos appareils ont été déconnectés.",
      ],
    },
    "2fa-method-added": {
      subject: "Nouvelle méthode de double authentification sur votre compte {brand}",
      heading: "Une méthode de connexion a été ajoutée",
      paragraphs: ["La méthode de double authentification « {method} » a été activée pour votre compte {brand}."],
    },
    "2fa-method-removed": {
      subject: "Méthode de double authentification supprimée de votre compte {brand}",
      heading: "Une méthode de connexion a été supprimée",
      paragraphs: ["La méthode de double authentification « {method} » a été désactivée pour votre compte {brand}."],
    },
    "passkey-added": {
      subject: "Une clé d’accès a été ajoutée à votre compte {brand}",
      heading: "Une clé d’accès a été ajoutée",
      paragraphs: ["La clé d’accès « {passkeyName} » a été ajoutée à votre compte {brand}. Elle permet désormais de vous connecter."],
    },
    "passkey-renamed": {
      subject: "Une clé d’accès de votre compte {brand} a été renommée",
      heading: "Une clé d’accès a été renommée",
      paragraphs: ["La clé d’accès « {oldPasskeyName} » de votre compte {brand} s’appelle désormais « {passkeyName} »."],
    },
    "passkey-removed": {
      subject: "Une clé d’accès a été supprimée de votre compte {brand}",
      heading: "Une clé d’accès a été supprimée",
      paragraphs: ["La clé d’accès « {passkeyName} » a été supprimée de votre compte {brand}. Elle ne permet plus de vous connecter."],
    },
    "recovery-codes-reset": {
      subject: "Nouveaux codes de récupération pour votre compte {brand}",
      heading: "Vos codes de récupération ont été remplacés",
      paragraphs: [
        "Une nouvelle série de codes de récupération a été créée pour votre compte {brand}. Les anciens codes ne fonctionnent plus.",
      ],
    },
    "email-changed": {
      subject: "L’adresse e-mail de votre compte {brand} a été modifiée",
      heading: "Votre adresse e-mail a été modifiée",
      paragraphs: ["L’adresse e-mail de votre compte {brand} a été modifiée."],
      optional: { newEmail: "La nouvelle adresse est {newEmail}." },
    },
    "account-locked": {
      subject: "Votre compte {brand} a été bloqué",
      heading: "Votre compte a été bloqué",
      paragraphs: [
        "Un administrateur a bloqué votre compte {brand}. Vous ne pourrez plus vous connecter tant qu’il n’aura pas été débloqué.",
      ],
    },
    "recovery-code-used": {
      subject: "Un code de récupération a été utilisé sur votre compte {brand}",
      heading: "Un code de récupération a été utilisé",
      paragraphs: [
        "Un de vos codes de récupération vient d’être utilisé pour vous connecter à votre compte {brand} ou pour y confirmer une action. Chaque code ne fonctionne qu’une seule fois.",
        "Codes de récupération encore inutilisés : {remaining}. Quand il en reste peu, créez-en une nouvelle série dans vos paramètres de sécurité.",
      ],
    },
    "new-device-sign-in": {
      subject: "Nouvelle connexion à votre compte {brand}",
      heading: "Une connexion depuis un nouvel appareil",
      paragraphs: [
        "Quelqu’un vient de se connecter à votre compte {brand} depuis {device}, qui n’avait encore jamais été utilisé avec ce compte.",
      ],
      optional: { time: "Quand : {time}.", ip: "Adresse IP : {ip}." },
    },
    "2fa-reset-by-admin": {
      subject: "La double authentification de votre compte {brand} a été réinitialisée",
      heading: "Votre double authentification a été réinitialisée",
      paragraphs: [
        "Un administrateur a désactivé toutes les méthodes de double authentification de votre compte {brand}. Connectez-vous et configurez à nouveau la double authentification pour protéger votre compte.",
      ],
    },
  },
};
