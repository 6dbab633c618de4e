import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const NGINX = '/usr/sbin/nginx';
export const nginxAvailable = existsSync(NGINX);

export interface NginxServer {
  /** The error log (notice level: it records every reload signal). */
  errorLog: string;
  /** Extra args for every nginx command: its own config and prefix. */
  args: string[];
  pidFile: string;
  upstreamFile: string;
  url: string;
  stop(): void;
}

/** An nginx of our own (own -c config and -p prefix in `dir`) serving 127.0.0.1:`port` from the upstream file tollgate writes. */
export async function startNginx(dir: string, port: number, initialUpstream: string): Promise<NginxServer> {
  const prefix = path.join(dir, 'nginx');
  await mkdir(path.join(prefix, 'logs'), { recursive: true });
  await mkdir(path.join(prefix, 'temp'), { recursive: true });
  const upstreamFile = path.join(prefix, 'upstream.conf');
  const pidFile = path.join(prefix, 'nginx.pid');
  const conf = path.join(prefix, 'nginx.conf');
  await writeFile(upstreamFile, initialUpstream);
  await writeFile(
    conf,
    `user root;
worker_processes 2;
pid ${pidFile};
error_log ${prefix}/logs/error.log notice;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/temp/body;
  proxy_temp_path ${prefix}/temp/proxy;
  fastcgi_temp_path ${prefix}/temp/fastcgi;
  uwsgi_temp_path ${prefix}/temp/uwsgi;
  scgi_temp_path ${prefix}/temp/scgi;
  include ${upstreamFile};
  server {
    listen 127.0.0.1:${port};
    keepalive_timeout 65s;
    keepalive_requests 100000;
    location / {
      proxy_pass http://tollgate_app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
`,
  );
  const args = ['-c', conf, '-p', prefix];
  execFileSync(NGINX, args, { stdio: 'pipe' });
  return {
    args,
    errorLog: path.join(prefix, 'logs/error.log'),
    pidFile,
    upstreamFile,
    url: `http://127.0.0.1:${port}`,
    stop() {
      try {
        const pid = Number(readFileSync(pidFile, 'utf8').trim());
        process.kill(pid, 'SIGTERM');
      } catch {
        // Not running.
      }
    },
  };
}
