"""Classes, their students and assignments; the Teachers group may manage the classes they teach.

Also an index of answers by question and student, for the statistics of one class.
"""

import django.db.models.deletion
import django.utils.timezone
import quiz.models.classes
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models


GROUP = "Teachers"
# Which classes a teacher may manage is decided by the admin (quiz.admin.classes): only those they teach.
PERMISSIONS = tuple(
    f"{action}_{model}"
    for model in ("schoolclass", "membership", "assignment")
    for action in ("view", "add", "change", "delete")
)


def teachers_may_manage_classes(apps, schema_editor):
    # As in 0004: permissions are made by post_migrate, after every migration, so make them now.
    app_config = apps.get_app_config("quiz")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    try:
        create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    finally:
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    group = Group.objects.using(db).filter(name=GROUP).first()
    if group is None:  # a superuser deleted the group; there is nobody to grant
        return
    permissions = Permission.objects.using(db).filter(
        content_type__app_label="quiz", codename__in=PERMISSIONS
    )
    group.permissions.add(*permissions)


def teachers_may_not_manage_classes(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    Permission.objects.using(db).filter(content_type__app_label="quiz", codename__in=PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("quiz", "0004_teachers_group"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SchoolClass",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100)),
                ("description", models.TextField(blank=True)),
                (
                    "join_code",
                    models.CharField(
                        default=quiz.models.classes.join_code_new,
                        editable=False,
                        help_text="Students type it under “Join a class” on the home page.",
                        max_length=8,
                        unique=True,
                    ),
                ),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                (
                    "created_by",
                    models.ForeignKey(
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="classes_created",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "teachers",
                    models.ManyToManyField(related_name="classes_taught", to=settings.AUTH_USER_MODEL),
                ),
            ],
            options={
                "verbose_name": "class",
                "verbose_name_plural": "classes",
                "ordering": ("name", "pk"),
            },
        ),
        migrations.CreateModel(
            name="Membership",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("joined_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "student",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "school_class",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to="quiz.schoolclass",
                    ),
                ),
            ],
            options={
                "verbose_name": "student of the class",
                "verbose_name_plural": "students of the class",
                "constraints": [
                    models.UniqueConstraint(fields=("school_class", "student"), name="quiz_membership_once")
                ],
            },
        ),
        migrations.CreateModel(
            name="Assignment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "due_date",
                    models.DateField(blank=True, help_text="Optional; overdue after this day.", null=True),
                ),
                ("assigned_at", models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="assignments",
                        to="quiz.document",
                    ),
                ),
                (
                    "school_class",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="assignments",
                        to="quiz.schoolclass",
                    ),
                ),
            ],
            options={
                "ordering": (models.OrderBy(models.F("due_date"), nulls_last=True), "pk"),
                "constraints": [
                    models.UniqueConstraint(fields=("school_class", "document"), name="quiz_assignment_once")
                ],
            },
        ),
        migrations.AddIndex(
            model_name="answer",
            index=models.Index(fields=["question", "user"], name="quiz_answer_question_user"),
        ),
        migrations.RunPython(teachers_may_manage_classes, teachers_may_not_manage_classes),
    ]
