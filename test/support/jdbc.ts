// Drives test/clients/jdbc/QueryRunner.java (built by scripts/test-env.sh against the real
// Connector/J and MariaDB Connector/J jars) so tests see exactly what a Java application sees.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

const jdbcDir = `${process.env.INSTAQUERY_SERVICES_DIR ?? '/tmp/instaquery-services'}/jdbc`;

export interface JdbcAnswer {
  columns?: { label: string; table: string; type: number; typeName: string; className: string; precision: number; scale: number; nullable: number; signed: boolean }[];
  rows?: (string | null)[][];
  error?: { code: number; sqlState: string; message: string };
}

export class JdbcClient {
  private readonly waiting: ((line: string) => void)[] = [];
  private stderr = '';
  private exitCode: number | null | undefined = undefined;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => this.waiting.shift()?.(line));
    child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    child.once('exit', (code) => (this.exitCode = code));
  }

  static open(url: string, user: string, password: string): JdbcClient {
    const child = spawn('java', ['-cp', `${jdbcDir}/lib/*:${jdbcDir}/classes`, 'QueryRunner', url, user, password]);
    return new JdbcClient(child);
  }

  /** One request (see QueryRunner.java): 'Q sql', 'P sql\ttype:value…', 'T catalog', 'C catalog\ttable'. */
  request(line: string, timeoutMs = 30_000): Promise<JdbcAnswer> {
    return new Promise((resolve, reject) => {
      if (this.exitCode !== undefined) return reject(new Error(`the JDBC runner exited (${this.exitCode}): ${this.stderr.slice(-2000)}`));
      const timer = setTimeout(() => reject(new Error(`no JDBC answer to ${line} within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`)), timeoutMs);
      this.waiting.push((answer) => {
        clearTimeout(timer);
        resolve(JSON.parse(answer) as JdbcAnswer);
      });
      this.child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the JDBC runner exited (${code}): ${this.stderr.slice(-2000)}`));
      });
      this.child.stdin.write(line.replace(/\n/g, ' ') + '\n');
    });
  }

  async close(): Promise<void> {
    if (this.exitCode !== undefined) return;
    this.child.stdin.end();
    await new Promise((r) => this.child.once('exit', r));
  }
}
