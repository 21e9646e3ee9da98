"""Create the Teachers group with the permissions of the teachers' admin views, and nothing more."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Teachers"
# Teachers read content and students' history and switch questions on or off; only superusers manage
# accounts, so there is no permission on auth's users and none to add, change or delete history.
PERMISSIONS = (
    "view_document",
    "view_fact",
    "view_question",
    "change_question",
    "view_choice",
    "view_flashcard",
    "view_attempt",
    "view_attemptquestion",
    "view_answer",
    "view_cardstate",
    "view_review",
    "view_student",
)


def teachers_group_create(apps, schema_editor):
    # Permissions are made by post_migrate, after every migration: on a fresh database they do not exist yet.
    app_config = apps.get_app_config("quiz")
    # The migration state's stub has no models module, and create_permissions skips such apps.
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    try:
        create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    finally:
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    permissions = list(
        Permission.objects.using(db).filter(content_type__app_label="quiz", codename__in=PERMISSIONS)
    )
    if len(permissions) != len(PERMISSIONS):
        raise RuntimeError(f"Missing permissions for the {GROUP} group.")
    group, _ = Group.objects.using(db).get_or_create(name=GROUP)
    group.permissions.set(permissions)


def teachers_group_delete(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("quiz", "0003_student"),
    ]

    operations = [migrations.RunPython(teachers_group_create, teachers_group_delete)]
