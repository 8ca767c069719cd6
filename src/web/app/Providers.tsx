import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { i18n } from '../i18n/i18n.ts';
import { createQueryClient } from './query-client.ts';

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        {/* Without transitions a navigation lands in the same render as the data change
            that caused it (signing out leaves the page before the account is forgotten). */}
        <BrowserRouter useTransitions={false}>{children}</BrowserRouter>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
