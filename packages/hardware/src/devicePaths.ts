/** Numbers inside ftSMC device paths, shared by the ftServer and the comparison expansions. */

/** Slot of the embedded Ethernet port on a core I/O element (path `10/5`). */
export const EMBEDDED_NIC_SLOT = 5;
/** Bus number of the disk bays in a disk path (`10/40/1`) [assumed exact form]. */
export const DISK_BUS = 40;
