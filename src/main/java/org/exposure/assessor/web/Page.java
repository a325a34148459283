package org.exposure.assessor.web;

/**
 * What every page's frame needs: its title, which part of the navigation it belongs to, the user and what their
 * roles let them do (a page shows only the actions the user may take), and the token each form carries.
 */
public record Page(String title, String section, String user, boolean analyst, boolean reviewer, boolean admin,
                   boolean machineOnly, String csrf) {
}
