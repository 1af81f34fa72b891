/** Joining a class: the code from the instructor's screen (filled in from the link) and a name. */
import { DisplayNameSchema, JoinCodeSchema } from '@ft/classroom/protocol';
import { type FormEvent, useId, useState } from 'react';
import * as v from 'valibot';

export interface JoinFormProps {
  initialCode: string;
  /** Why the last attempt was refused. */
  refusal: string | null;
  onJoin(code: string, name: string): void;
}

export function JoinForm({ initialCode, refusal, onJoin }: JoinFormProps) {
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const codeId = useId();
  const nameId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const c = v.safeParse(JoinCodeSchema, code);
    if (!c.success) return setProblem(`Join code: ${c.issues[0].message}.`);
    const n = v.safeParse(DisplayNameSchema, name);
    if (!n.success) return setProblem(`Your name ${n.issues[0].message}.`);
    setProblem(null);
    onJoin(c.output, n.output);
  }

  const shown = problem ?? refusal;
  return (
    <main className="cls-center">
      <form className="cls-card cls-join" onSubmit={submit} aria-labelledby={`${codeId}-title`}>
        <p className="cls-eyebrow">ftServer twin · Classroom</p>
        <h1 id={`${codeId}-title`}>Join a class</h1>
        <p className="cls-muted">
          Enter the code on the instructor’s screen and the name the instructor will see.
        </p>
        <label htmlFor={codeId}>Join code</label>
        <input
          id={codeId}
          className="cls-code-input"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          maxLength={8}
          autoComplete="off"
          spellCheck={false}
          placeholder="K7QH3M"
          required
        />
        <label htmlFor={nameId}>Your name</label>
        <input
          id={nameId}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={40}
          autoComplete="name"
          required
        />
        {shown && (
          <p className="cls-error" role="alert" data-testid="join.error">
            {shown}
          </p>
        )}
        <button type="submit" className="cls-primary">
          Join
        </button>
      </form>
    </main>
  );
}
