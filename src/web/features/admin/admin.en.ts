/**
 * English (the reference): the admin pages' strings: the outbox. Each top-level key is a namespace of the catalogue
 * (`t('outbox.…')`); merged with the others in i18n/catalogues.ts.
 */
export const adminEn = {
  outbox: {
    title: 'Mail outbox',
    intro: 'The e-mails the platform sends (password resets, invitations…). Without an SMTP relay they stay here.',
    empty: 'No message yet.',
    to: 'To',
    subject: 'Subject',
    kind: 'Kind',
    status: 'Status',
    error: 'Error',
    created: 'Created',
    sent: 'Sent',
    text: 'Text version',
    html: 'HTML version',
    showHtml: 'Show the HTML version',
    htmlFrame: 'HTML version of “{{subject}}”',
    count_one: '{{count}} message',
    count_other: '{{count}} messages',
    attempts: 'Delivery attempts',
    filter: 'Show',
    allStatuses: 'All messages ({{count}})',
    statusWithCount: '{{status}} ({{count}})',
    emptyStatus: 'No message is “{{status}}”.',
    failedNotice_one: '{{count}} message could not be delivered.',
    failedNotice_other: '{{count}} messages could not be delivered.',
    showFailed: 'Show failed messages',
    statuses: {
      local: 'Kept here (no SMTP relay)',
      queued: 'Waiting to be sent',
      sending: 'Being sent',
      sent: 'Sent',
      failed: 'Failed',
      revoked: 'Withdrawn (recipient no longer a member)',
    },
  },
};
