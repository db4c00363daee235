/**
 * The organisation that runs the network (the micro-credit company's community
 * mutual-aid network). An organisation's "network status" is the status of its
 * relationship with this hub.
 */
export const NETWORK_HUB_ID = 'org_network';
