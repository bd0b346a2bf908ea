package io.scimfleet.scheduler.inbound;

/** Request bodies shaped as identity providers send them (Microsoft's and Okta's public docs). */
public final class Requests {
  public static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  public static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private Requests() {}

  /** Entra ID's create: externalId, name, emails with type and primary, the extension. */
  public static String entraUser(String userName, String managerId) {
    return """
        {"schemas":["%s","%s"],
         "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"%s","active":true,
         "displayName":"Test User","title":"Engineer",
         "name":{"formatted":"Test User","familyName":"User","givenName":"Test"},
         "emails":[{"primary":true,"type":"work","value":"%s"}],
         "%s":{"employeeNumber":"1701","department":"R&D","costCenter":"C-12",
               "organization":"Contoso","division":"Labs"%s}}"""
        .formatted(
            CORE_USER,
            ENTERPRISE,
            userName,
            userName,
            ENTERPRISE,
            managerId == null ? "" : ",\"manager\":{\"value\":\"" + managerId + "\"}");
  }

  /** Okta's create: a plain user with a password when password sync is on. */
  public static String oktaUser(String userName) {
    return """
        {"schemas":["%s"],"userName":"%s","name":{"givenName":"Isaac","familyName":"Brock"},
         "emails":[{"primary":true,"value":"%s","type":"work"}],"displayName":"Isaac Brock",
         "locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7","groups":[],
         "password":"1mz050nq","active":true}"""
        .formatted(CORE_USER, userName, userName);
  }

  public static String group(String displayName, String... memberIds) {
    StringBuilder members = new StringBuilder();
    for (String id : memberIds)
      members
          .append(members.length() == 0 ? "" : ",")
          .append("{\"value\":\"")
          .append(id)
          .append("\"}");
    return """
        {"schemas":["%s"],"displayName":"%s","externalId":"ext-%s","members":[%s]}"""
        .formatted(CORE_GROUP, displayName, displayName, members);
  }

  public static String patch(String... operations) {
    return "{\"schemas\":[\""
        + PATCH_OP
        + "\"],\"Operations\":["
        + String.join(",", operations)
        + "]}";
  }
}
