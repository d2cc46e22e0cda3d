import type { ReactNode } from 'react';
import { useNavigate } from '../router';
import { ToastProvider } from '@/components/toast/toast-provider';
import { Header } from './header';
import { SideNav } from './side-nav';
import { useApplyTheme } from './theme';
import { ShellExtras } from './shell-extras';

/** The frame of every page: header, side navigation, toasts; the page is `children`. */
export function AppShell({ children }: { children: ReactNode }) {
  useApplyTheme();
  const navigate = useNavigate();
  return (
    <ToastProvider navigate={navigate}>
      <div className="flex min-h-screen flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <Header />
        <div className="flex min-h-0 flex-1">
          <SideNav />
          <main className="min-w-0 flex-1 p-4 lg:p-6" id="main">
            {children}
          </main>
        </div>
        <ShellExtras />
      </div>
    </ToastProvider>
  );
}
