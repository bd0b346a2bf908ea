#!/usr/bin/env python3
"""Writes examples/directory.ndjson: 300 users and 10 groups, the same every time (seeded)."""
import json
import random

GIVEN = ["Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "John", "Radia",
         "Tim", "Hedy", "Edsger", "Katherine", "Donald", "Anita", "Niklaus", "Sophie", "Guido", "Mary", "James",
         "Elena", "Omar", "Priya", "Wei", "Fatima", "Lars", "Yuki", "Mateo", "Amara", "Nils", "Chloe", "Ravi"]
FAMILY = ["Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Allen",
          "McCarthy", "Perlman", "Berners-Lee", "Lamarr", "Dijkstra", "Johnson", "Knuth", "Borg", "Wirth",
          "Wilson", "van Rossum", "Keller", "Gosling", "Petrova", "Haddad", "Sharma", "Zhang", "Khan", "Larsen",
          "Tanaka", "Garcia", "Okafor", "Berg", "Dubois", "Iyer"]
DEPARTMENTS = ["Engineering", "Sales", "Support", "Finance", "People", "Marketing", "Legal", "Design"]

random = random.Random(7643)
users = []
seen = set()
while len(users) < 300:
    given, family = random.choice(GIVEN), random.choice(FAMILY)
    base = (given[0] + family).lower().replace(" ", "").replace("-", "")
    username, n = base, 1
    while username in seen:
        n += 1
        username = f"{base}{n}"
    seen.add(username)
    number = len(users) + 1
    user = {"type": "user", "id": f"u{number:04d}", "username": username, "name": f"{given} {family}",
            "email": f"{username}@example.com", "active": number % 37 != 0}
    attributes = {"department": random.choice(DEPARTMENTS)}
    if number % 3 == 0:
        attributes.update(givenName=given, familyName=family)
    if number % 5 == 0:
        attributes["title"] = random.choice(["Engineer", "Manager", "Analyst", "Director", "Specialist"])
    user["attributes"] = attributes
    users.append(user)

groups = []
for i, department in enumerate(DEPARTMENTS, start=1):
    members = [u["id"] for u in users if u["attributes"]["department"] == department]
    groups.append({"type": "group", "id": f"g{i:02d}", "name": department, "members": members,
                   "attributes": {"kind": "department"}})
groups.append({"type": "group", "id": "g09", "name": "Managers", "members":
               [u["id"] for u in users if u["attributes"].get("title") in ("Manager", "Director")]})
groups.append({"type": "group", "id": "g10", "name": "All staff", "members": [u["id"] for u in users]})

with open("directory.ndjson", "w") as out:
    for record in users + groups:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
