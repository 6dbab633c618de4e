import { UserError } from '../errors/user-error.ts';
import type { EnvironmentConfig } from './config.ts';
import type { Provider } from './provider.ts';

/** Builds the environment's provider; each provider module is loaded only when used. */
export async function createProvider(options: { cwd: string; environment: string; config: EnvironmentConfig; configFile?: string | undefined }): Promise<Provider> {
  const { config, environment, cwd } = options;
  const provider = config.provider;
  const needApp = (): NonNullable<EnvironmentConfig['app']> => {
    if (!config.app) {
      throw new UserError(`deploy.environments.${environment}.app: expected the app's start command ({"command": "node server.js"}) for the ${provider.type} provider, found nothing.`, {
        file: options.configFile,
      });
    }
    return config.app;
  };
  switch (provider.type) {
    case 'local': {
      const { LocalProvider } = await import('./local/local-provider.ts');
      const local = new LocalProvider({ cwd, environment, config: provider, app: needApp() });
      await local.connect();
      return local;
    }
    case 'nginx': {
      const { NginxProvider } = await import('./nginx/nginx-provider.ts');
      const nginx = new NginxProvider({ cwd, environment, config: provider, app: needApp() });
      await nginx.connect();
      return nginx;
    }
    case 'kubernetes': {
      const { KubernetesProvider } = await import('./kubernetes/kubernetes-provider.ts');
      return new KubernetesProvider({ config: provider });
    }
  }
}
