package org.ndlp.members;

/**
 * A library with its deployment state on some date.
 *
 * @param library the library
 * @param state its deployment on that date
 */
public record LibraryDeployment(MemberLibrary library, DeploymentState state) {
}
