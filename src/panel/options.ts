/** Options of the bands panel. */
export interface BandsPanelOptions {}
