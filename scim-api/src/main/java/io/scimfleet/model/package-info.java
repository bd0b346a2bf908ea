/** Records for directory objects, providers and their settings. */
package io.scimfleet.model;
