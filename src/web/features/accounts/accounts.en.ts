/**
 * English (the reference): the accounts feature's strings: signing up and in, passwords and settings. Each top-level key is a namespace of the catalogue
 * (`t('account.…')`); merged with the others in i18n/catalogues.ts.
 */
export const accountsEn = {
  account: {
    displayName: 'Display name',
    displayNameHint: 'How other members will know you. A first name or a pseudonym is fine.',
    email: 'E-mail',
    emailHint: 'Never shown to other members.',
    password: 'Password',
    passwordHint: 'At least {{min}} characters.',
    timeZone: 'Time zone',
    timeZoneHint: 'Every date and time is shown in this zone.',
    timeZoneFilter: 'Search by city or region',
    timeZoneFilterHint: 'Type part of a name, e.g. Paris or America, to narrow the list above.',
    language: 'Language',
    languageHint: 'For the site and for e-mails.',
  },
  signup: {
    title: 'Create your account',
    intro: 'An account lets you join groups and start your own.',
    submit: 'Sign up',
    haveAccount: 'Already have an account?',
  },
  signin: {
    title: 'Sign in',
    submit: 'Sign in',
    forgot: 'Forgot your password?',
    noAccount: 'New here?',
    createAccount: 'Create an account',
  },
  forgot: {
    title: 'Reset your password',
    intro: 'Enter the e-mail address of your account: we will send you a link to choose a new password.',
    submit: 'Send the link',
    sent: 'If an account exists for this address, we have sent a link to it. It works for one hour.',
  },
  reset: {
    title: 'Choose a new password',
    password: 'New password',
    submit: 'Save my new password',
    missingToken: 'This link is incomplete.',
    askAgain: 'Ask for a new link',
  },
  settings: {
    title: 'Settings',
    profile: 'Profile',
    emailNote: 'Your e-mail address is {{email}}. Only you can see it.',
    saveProfile: 'Save the profile',
    profileSaved: 'Your profile is saved.',
    passwordTitle: 'Password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    changePassword: 'Change the password',
    passwordChanged: 'Your password is changed. Your other devices were signed out.',
    deleteTitle: 'Delete my account',
    deleteExplain:
      'This erases your account for good: your display name, e-mail address, password, settings and your membership of every group. It cannot be undone.',
    deleteLeaders: 'If you are the last leader of a group that has other members, first make someone else a leader.',
    deletePassword: 'Your password, to confirm',
    deleteSubmit: 'Delete my account',
  },
};
