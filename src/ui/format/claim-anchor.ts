// The id of a claim's row in the claims pane, so other panes can link to it.

/** "claim-act-sub" for `act.sub`. */
export const claimAnchor = (path: string): string => `claim-${path.replace(/\./g, '-')}`
