import type { Strings } from '../../i18n/strings.ts';
import type { moderationEn } from './moderation.en.ts';

/** The moderation feature's strings in French; typed against the English ones. */
const moderation: Strings<typeof moderationEn>['moderation'] = {
  title: 'Modération',
  groupIntro:
    'Les signalements des membres, les personnes exclues et le journal de chaque action de modération. Masquer un message le cache aux membres ; rien n’est effacé.',
  platformTitle: 'Modération — tous les groupes',
  platformIntro: 'Les signalements de tous les groupes, privés compris. Les responsables de chaque groupe voient ceux du leur.',
  sections: 'Modération',
  leadersOnly: 'Seuls les responsables du groupe et les modérateurs de la plateforme peuvent le modérer.',
  moderatorsOnly: 'Cette page est réservée aux modérateurs de la plateforme.',
  showMore: 'Afficher plus',
  quoted: '« {{title}} »',
  reasons: {
    harm: 'Quelqu’un est peut-être en danger',
    harassment: 'Harcèlement ou intimidation',
    spam: 'Spam ou publicité',
    privacy: 'Divulgue des informations privées',
    'off-topic': 'Hors sujet',
    other: 'Autre chose',
  },
  status: {
    open: 'Ouverts',
    resolved: 'Traités',
    dismissed: 'Classés',
  },
  report: {
    button: 'Signaler',
    titleThread: 'Signaler cette discussion',
    titleComment: 'Signaler cette réponse',
    intro: 'Dites aux responsables du groupe ce qui ne va pas dans ce message de {{name}}. Seuls les modérateurs voient qui l’a signalé.',
    reason: 'Qu’est-ce qui ne va pas ?',
    reasonRequired: 'Choisissez ce qui ne va pas.',
    harmHint:
      'Si quelqu’un est en danger immédiat, appelez tout de suite les secours (112 en Europe, 911 en Amérique du Nord) : les modérateurs ne le verront peut-être pas tout de suite.',
    note: 'Ce que les modérateurs devraient savoir',
    noteHint: 'Quelques mots suffisent.',
    submit: 'Envoyer le signalement',
    sent: 'Merci. Les modérateurs vont s’en occuper.',
  },
  actions: {
    hideThread: 'Masquer la discussion',
    hideComment: 'Masquer la réponse',
    unhideThread: 'Réafficher la discussion',
    unhideComment: 'Réafficher la réponse',
    lock: 'Verrouiller la discussion',
    unlock: 'Déverrouiller la discussion',
  },
  done: {
    hide: 'Masqué pour les membres.',
    unhide: 'De nouveau visible par les membres.',
    lock: 'La discussion est verrouillée : plus de nouvelles réponses.',
    unlock: 'La discussion est de nouveau ouverte aux réponses.',
    resolve: 'Le signalement est traité.',
    dismiss: 'Le signalement est classé.',
  },
  queue: {
    title: 'Signalements',
    titles: {
      open: 'Signalements ouverts',
      resolved: 'Signalements traités',
      dismissed: 'Signalements classés',
    },
    statusNav: 'Signalements par état',
    reportedBy: 'Signalé par {{name}}',
    note: 'Sa remarque',
    threadBy: 'Discussion de {{name}} :',
    commentBy: 'Réponse de {{name}} dans',
    open: 'Ouvrir le message',
    threadHidden: 'Discussion masquée',
    actionsFor: 'Actions sur le signalement « {{reason}} » concernant {{name}}',
    resolve: 'Marquer comme traité',
    dismiss: 'Classer sans suite',
    empty: {
      open: 'Aucun signalement ouvert. Tout est calme.',
      resolved: 'Aucun signalement traité pour l’instant.',
      dismissed: 'Aucun signalement classé.',
    },
  },
  ban: {
    button: 'Exclure {{name}}',
    title: 'Exclure {{name}} du groupe ?',
    body: 'Cette personne quitte le groupe tout de suite, ne reçoit plus ses e-mails et ne peut plus le rejoindre tant que l’exclusion n’est pas levée. Ses messages restent tels quels.',
    reason: 'Motif',
    reasonHint: 'Gardé dans le journal de modération. La personne ne le voit pas.',
    confirm: 'Oui, l’exclure',
    done: '{{name}} est exclu du groupe.',
  },
  bans: {
    title: 'Exclusions',
    empty: 'Personne n’est exclu de ce groupe.',
    since: 'Exclu le {{when}}',
    unban: 'Lever l’exclusion de {{name}}',
    lifted: 'L’exclusion de {{name}} est levée. Cette personne peut revenir.',
    banSomeone: 'Exclure un membre',
    banSomeoneHint: 'Pour quelqu’un qui enfreint la charte de façon répétée. Vous pouvez aussi exclure l’auteur d’un message depuis son signalement.',
    noMembers: 'Il n’y a pas d’autre membre à exclure.',
    member: 'Membre',
    choose: 'Choisir un membre',
  },
  log: {
    title: 'Journal de modération',
    empty: 'Aucune action de modération pour l’instant.',
    by: 'par {{name}}',
    member: 'membre : {{name}}',
    openPost: 'le message',
    report: 'signalement : {{reason}}',
    actions: {
      thread: {
        hidden: 'Discussion masquée',
        unhidden: 'Discussion réaffichée',
        locked: 'Discussion verrouillée',
        unlocked: 'Discussion déverrouillée',
      },
      comment: {
        hidden: 'Réponse masquée',
        unhidden: 'Réponse réaffichée',
      },
      report: {
        resolved: 'Signalement traité',
        dismissed: 'Signalement classé',
      },
      member: {
        removed: 'Membre retiré',
        banned: 'Membre exclu',
        unbanned: 'Exclusion levée',
      },
    },
  },
};

export const moderationFr: Strings<typeof moderationEn> = { moderation };
