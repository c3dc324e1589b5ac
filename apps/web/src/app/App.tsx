import { createTheme, DEFAULT_THEME, MantineProvider, type MantineColorsTuple } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError } from '../lib/api-error';
import { router } from './router';

/** A palette whose darkest shade is replaced: white text on it, and it on white, reach 4.5:1 (WCAG AA). */
const darkest = (name: 'green' | 'orange', shade9: string): MantineColorsTuple => [...DEFAULT_THEME.colors[name].slice(0, 9), shade9] as unknown as MantineColorsTuple;

// axe-core (test/web) found Mantine's green.9 (#2b8a3e, 4.37:1 on white) and orange.9 (#d9480f,
// 4.3:1) short of 4.5:1 for small text; the "dimmed" grey (#868e96, 3.3:1) is darkened in global.css
const theme = createTheme({
  colors: { green: darkest('green', '#237032'), orange: darkest('orange', '#b33d0b') },
  fontFamily: '"Be Vietnam Pro", system-ui, sans-serif',
  headings: { fontFamily: '"Be Vietnam Pro", system-ui, sans-serif' },
  primaryColor: 'red',
  primaryShade: 9,
  defaultRadius: 'sm',
  // sizes in rem: the user's browser font size scales the whole interface
  scale: 1,
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // errors that will not change on retry are shown at once
      retry: (count, error) => count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
