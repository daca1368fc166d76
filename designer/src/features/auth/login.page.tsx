import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, type Location } from 'react-router-dom';
import { isApiError, retryAfterSeconds } from '../../shared/api/api.error';
import { useFormatWait } from '../../shared/i18n/format-duration';
import { LanguageSwitch } from '../../shared/i18n/language-switch';
import { useErrorMessage } from '../../shared/i18n/use-error-message';
import { sessionStore } from '../../shared/session/session.store';
import { useSession } from '../../shared/session/use-session';
import { TextField } from '../../shared/ui/text-field';
import { login } from './login.api';
import { validateLogin, type LoginFieldErrors } from './login.validation';
import './login.css';

export function LoginPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatWait = useFormatWait();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<LoginFieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const from = (location.state as { from?: Location } | null)?.from;
  const target = from && from.pathname !== '/login' ? `${from.pathname}${from.search}` : '/inbox';
  if (session && !submitting) return <Navigate to={target} replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const validation = validateLogin({ username, password });
    if (!validation.ok) {
      setFieldErrors(validation.errors);
      return;
    }
    setFieldErrors({});
    setSubmitting(true);
    try {
      const response = await login(validation.value);
      sessionStore.set(response);
      void navigate(target, { replace: true });
    } catch (error) {
      setFailure(
        isApiError(error) && error.code === 'unauthorized'
          ? t('auth.invalidCredentials')
          : isApiError(error) && error.status === 429
            ? t('auth.tooManyAttempts', { wait: formatWait(retryAfterSeconds(error) ?? 1) })
            : errorMessage(error),
      );
      setSubmitting(false);
    }
  }

  return (
    <div className="login">
      <div className="login__language">
        <LanguageSwitch />
      </div>
      <main className="login__card" id="main">
        <div className="login__brand" aria-hidden="true">
          <span className="brand-mark">د</span>
        </div>
        <p className="login__app">
          <span lang="fr">Diwan</span> · <span lang="ar">ديوان</span>
        </p>
        <p className="login__tagline">{t('app.tagline')}</p>
        <h1 className="login__title">{t('auth.title')}</h1>
        <p className="login__intro">{t('auth.intro')}</p>
        <form className="login__form" onSubmit={(event) => void submit(event)} noValidate>
          <TextField
            name="username"
            label={t('auth.username')}
            value={username}
            onChange={setUsername}
            autoComplete="username"
            error={fieldErrors.username && t(`auth.validation.${fieldErrors.username}`)}
            testId="login-username"
            autoFocus
          />
          <TextField
            name="password"
            type="password"
            label={t('auth.password')}
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            error={fieldErrors.password && t(`auth.validation.${fieldErrors.password}`)}
            testId="login-password"
          />
          {failure && (
            <p className="alert alert--error" role="alert" data-testid="login-error">
              {failure}
            </p>
          )}
          <button
            type="submit"
            className="button button--primary login__submit"
            data-testid="login-submit"
            disabled={submitting}
            aria-busy={submitting}
          >
            {submitting ? t('auth.submitting') : t('auth.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
