import { BrowserRouter } from 'react-router-dom';
import { LocaleProviders } from './components/LocaleProviders';
import { AppRoutes } from './AppRoutes';
import { SessionProvider } from './session/SessionProvider';

export function App() {
  return (
    <LocaleProviders>
      <BrowserRouter>
        <SessionProvider>
          <AppRoutes />
        </SessionProvider>
      </BrowserRouter>
    </LocaleProviders>
  );
}
