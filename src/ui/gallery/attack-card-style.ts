// The look both kinds of attack card share (the preset cards and the passkey ceremony cards), in one place.

export const FOCUS = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600'

/** The card: highlighted while its attack is the one shown, ringed in red while its defence is off. */
export const attackCardClass = (active: boolean, defenceOn: boolean): string =>
  `flex min-w-0 flex-col gap-2 rounded-lg border p-3 text-xs/5 ${
    active
      ? 'border-indigo-400 bg-indigo-50/60 dark:border-indigo-500 dark:bg-indigo-950/30'
      : 'border-slate-200 dark:border-slate-800'
  } ${defenceOn ? '' : 'ring-2 ring-red-500/70'}`

/** The attack's name, a button that plays it. */
export const ATTACK_NAME_BUTTON = `self-start rounded-md text-left text-sm font-semibold text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:text-indigo-900 disabled:no-underline disabled:opacity-70 dark:text-indigo-300 dark:hover:text-indigo-100 ${FOCUS}`

/** The "Defence on" switch's box. */
export const DEFENCE_SWITCH = `size-4 accent-green-600 ${FOCUS}`
