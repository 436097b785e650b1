export interface Choice<T> {
  readonly value: T;
  readonly name: string;
  /** What is echoed once chosen, when the name is long. */
  readonly short?: string;
  readonly description?: string;
  readonly checked?: boolean;
  /** Shown but not choosable, with the reason. */
  readonly disabled?: string;
}

type Validate<T> = (value: T) => true | string | Promise<true | string>;

/** The questions the wizard can ask; tests answer them without a terminal. */
export interface Prompts {
  input(config: { message: string; default?: string; validate?: Validate<string> }): Promise<string>;
  select<T>(config: { message: string; choices: readonly Choice<T>[]; default?: T; pageSize?: number }): Promise<T>;
  checkbox<T>(config: { message: string; choices: readonly Choice<T>[]; validate?: Validate<readonly T[]>; pageSize?: number }): Promise<T[]>;
  confirm(config: { message: string; default?: boolean }): Promise<boolean>;
}

/** Ctrl+C in a prompt (a keypress, or SIGINT through the signal): inquirer rejects with these. */
export function isCancel(error: unknown): boolean {
  return error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError");
}

/**
 * The terminal prompts. Inquirer colours only a TTY and honours NO_COLOR by itself; each
 * prompt is loaded when first asked, so runs that ask nothing never load it.
 */
export function terminalPrompts(streams: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal?: AbortSignal }): Prompts {
  const context = { input: streams.input, output: streams.output, ...(streams.signal ? { signal: streams.signal } : {}) };
  return {
    input: async (config) => (await import("@inquirer/input")).default(config, context),
    select: async (config) => (await import("@inquirer/select")).default({ ...config, choices: [...config.choices] }, context),
    checkbox: async ({ validate, ...config }) =>
      (await import("@inquirer/checkbox")).default(
        {
          ...config,
          choices: [...config.choices],
          ...(validate ? { validate: (items: readonly { value: unknown }[]) => validate(items.map((i) => i.value) as never) } : {}),
        },
        context,
      ),
    confirm: async (config) => (await import("@inquirer/confirm")).default(config, context),
  };
}
