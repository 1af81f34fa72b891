/** Memory paging of the simulated images (shared by the interpreter and the compiler). */
export const PAGE_SHIFT = 10;
export const REPLICAS_PER_SYSTEM = 3;
