/**
 * HTTPS for the station (docs/security.md, "The network"): the certificate authority the station makes for the meeting
 * (MeetingCa: name-constrained to the station's own addresses and localhost, its key 0600 in the data directory), the
 * server certificate it signs at every start, or an organisation's own certificate and key (OrganisationCertificate);
 * each ends as a key store for the HTTPS connector (ServerIdentity). Pure crypto and files: no HTTP, no database.
 * May import: nothing of the station.
 */
package kioskvote.tls;
