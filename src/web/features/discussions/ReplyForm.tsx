import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseMutationResult } from '@tanstack/react-query';
import { POST_LIMITS } from '../../../shared/limits.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { fieldId, formErrors } from '../../components/form-errors.ts';
import type { CommentView as Comment } from '../../../shared/api/discussions.schemas.ts';

interface ReplyFormProps {
  /** Posts the body; thread replies and recap comments differ only in where they go. */
  post: UseMutationResult<Comment, Error, string>;
  label: string;
  submitLabel: string;
  postedMessage: string;
  testId?: string;
}

/** A Markdown reply box; the text clears and a status line confirms once posted. */
export function ReplyForm({ post, label, submitLabel, postedMessage, testId }: ReplyFormProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [posted, setPosted] = useState(false);
  const errors = formErrors(post.error, { body: label });

  function submit(event: FormEvent) {
    event.preventDefault();
    setPosted(false);
    post.mutate(body, {
      onSuccess: () => {
        setBody('');
        setPosted(true);
      },
    });
  }

  return (
    <form className="form reply-form" noValidate onSubmit={submit} data-testid={testId}>
      <ErrorSummary errors={errors} />
      <TextAreaField
        id={fieldId('body')}
        label={label}
        hint={t('discussions.markdownHint')}
        error={errors.field('body')}
        value={body}
        rows={5}
        maxLength={POST_LIMITS.body}
        dir="auto"
        onChange={(e) => {
          setPosted(false);
          setBody(e.target.value);
        }}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={post.isPending}>
          {submitLabel}
        </button>
      </div>
      <div role="status">{posted && <p className="notice">{postedMessage}</p>}</div>
    </form>
  );
}
