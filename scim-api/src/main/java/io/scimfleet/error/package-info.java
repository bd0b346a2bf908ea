/** The root of the fleet's one error hierarchy. */
package io.scimfleet.error;
