/**
 * HTTP: the route table with the role that may call each route (Routes, Role, Access), thin handlers
 * that receive exactly the services they use, the page renderer and the error catalogue. May import every
 * feature package; no feature package imports it.
 */
package kioskvote.web;
