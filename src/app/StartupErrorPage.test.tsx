import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ThemeProviders } from './App.tsx';
import { StorageBlockedError } from '../auth/session.ts';
import { StartupErrorPage } from './StartupErrorPage.tsx';

describe('the page shown when the app cannot start', () => {
  it('says the browser blocks the site its storage, and what to do about it', () => {
    render(
      <ThemeProviders>
        <StartupErrorPage error={new StorageBlockedError()} />
      </ThemeProviders>,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent("Token Admin couldn't start");
    expect(screen.getByRole('alert')).toHaveTextContent(`Allow site data for ${window.location.origin} in your browser's settings, then reload the page.`);
  });

  it('shows any other failure as text, never as markup, with what to do', () => {
    const { container } = render(
      <ThemeProviders>
        <StartupErrorPage error={new Error('<img src=x onerror=alert(1)>Broken.')} />
      </ThemeProviders>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('<img src=x onerror=alert(1)>Broken. Reload the page; if it keeps happening');
    expect(container.querySelector('img')).toBeNull();
  });
});
