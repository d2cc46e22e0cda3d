import { Outlet, useRouter } from '@tanstack/react-router';
import { ToastProvider } from '@/components/toast/toast-provider';
import { Header } from './header';
import { SideNav } from './side-nav';
import { useApplyTheme } from './theme';
import { ShellExtras } from './shell-extras';

export function AppShell() {
  useApplyTheme();
  const router = useRouter();
  return (
    <ToastProvider navigate={(href) => void router.navigate({ href })}>
      <div className="flex min-h-screen flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <Header />
        <div className="flex min-h-0 flex-1">
          <SideNav />
          <main className="min-w-0 flex-1 p-4 lg:p-6" id="main">
            <Outlet />
          </main>
        </div>
        <ShellExtras />
      </div>
    </ToastProvider>
  );
}
