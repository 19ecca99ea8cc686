#!/usr/bin/env python3
"""Builds the Teams app package to upload: a zip with manifest.json, color.png and outline.png at its root,
the bot's Microsoft App ID filled in.

    python3 manifests/teams/package.py --bot-app-id <guid> [--teams-app-id <guid>] [--out customer-pulse-teams.zip]

The Teams app id defaults to the bot's app id (one id to track); give another to install a second copy."""
import argparse
import json
import uuid
import zipfile
from pathlib import Path

HERE = Path(__file__).parent


def guid(text):
    return str(uuid.UUID(text))  # refuses anything that is not a GUID


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bot-app-id", required=True, type=guid, help="the Azure Bot's Microsoft App ID (Teams:AppId)")
    parser.add_argument("--teams-app-id", type=guid, help="the Teams app's own id; defaults to the bot app id")
    parser.add_argument("--out", default="customer-pulse-teams.zip", help="where to write the package")
    args = parser.parse_args()

    manifest = (HERE / "manifest.json").read_text(encoding="utf-8")
    manifest = manifest.replace("{{BOT_APP_ID}}", args.bot_app_id).replace("{{TEAMS_APP_ID}}", args.teams_app_id or args.bot_app_id)
    json.loads(manifest)  # still JSON after the replacements

    with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", manifest)
        for icon in ("color.png", "outline.png"):
            package.write(HERE / icon, icon)
    print(args.out)


if __name__ == "__main__":
    main()
