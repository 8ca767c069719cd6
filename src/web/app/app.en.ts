/**
 * English (the reference): the app shell's strings: name, navigation, language names, footer, shared words, errors, notices and the not-found and forbidden pages. Each top-level key is a namespace of the catalogue
 * (`t('app.…')`); merged with the others in i18n/catalogues.ts.
 */
export const appEn = {
  app: {
    name: 'Entraide',
    tagline: 'Support groups, started and run together',
    titleSuffix: 'Entraide',
  },
  nav: {
    label: 'Main',
    skip: 'Skip to main content',
    home: 'Home',
    myGroups: 'My groups',
    startGroup: 'Start a group',
    settings: 'Settings',
    outbox: 'Outbox',
    signIn: 'Sign in',
    signUp: 'Sign up',
    signOut: 'Sign out',
  },
  language: {
    label: 'Language',
    en: 'English',
    fr: 'Français',
  },
  footer: {
    crisis: 'In danger or in crisis? Call your local emergency number (112 in Europe, 911 in North America) or a helpline near you.',
    about: 'Entraide is free, open-source software. No ads, no trackers.',
  },
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    cancel: 'Cancel',
    optional: '(optional)',
    notDecided: 'Not decided yet',
    you: '(you)',
    remove: 'Remove {{item}}',
    refresh: 'Refresh',
  },
  errors: {
    network: 'We could not reach Entraide. Check your connection and try again.',
    unexpected: 'Something unexpected happened. Please try again.',
    loadFailed: 'This could not be loaded.',
    summaryTitle: 'There is a problem',
  },
  notices: {
    signedOut: 'You are signed out. Take care.',
    accountDeleted: 'Your account and personal data have been erased.',
    passwordReset: 'Your new password is saved and you are signed in.',
    welcome: 'Welcome to Entraide, {{name}}.',
    groupPublished: 'Your group is published. People can now find it and join.',
    draftSaved: 'Your draft is saved. You can come back to it from “My groups”.',
    groupSaved: 'Your changes are saved.',
    joined: 'Welcome! You are now a member of this group.',
    requested: 'Your request is sent. A leader will look at it.',
    left: 'You have left the group.',
    sessionScheduled: 'The session is scheduled. Members can now say whether they are coming.',
    sessionSaved: 'Your changes to the session are saved.',
    sessionDeleted: 'The session is deleted.',
    occurrenceMoved: 'This date has moved. Those who were coming are told by e-mail.',
    programmeSaved: 'The programme is saved.',
    programmeScheduled: 'The programme’s sessions are scheduled.',
  },
  notFound: {
    title: 'Page not found',
    body: 'This page does not exist, or it has moved.',
    home: 'Go to the home page',
  },
  forbidden: {
    title: 'Not allowed',
    body: 'This page is for the platform administrator.',
  },
};
