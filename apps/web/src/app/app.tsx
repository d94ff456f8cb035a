import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

export function App({ router: given }: { router?: ReturnType<typeof createAppRouter> }) {
  const [router] = useState(() => given ?? createAppRouter());
  return (
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
