"""Temporary passwords: the flag a teacher's reset leaves on a student, and the Teachers group's permission."""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

GROUP = "Teachers"
PERMISSION = "set_temporary_password"


def teachers_may_set_temporary_passwords(apps, schema_editor):
    # As in 0004: permissions are made by post_migrate, after every migration, so make them here.
    app_config = apps.get_app_config("quiz")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    try:
        create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    finally:
        app_config.models_module = models_module
    db = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.using(db).get(content_type__app_label="quiz", codename=PERMISSION)
    for group in Group.objects.using(db).filter(name=GROUP):
        group.permissions.add(permission)


def teachers_may_not_set_temporary_passwords(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    Permission.objects.using(db).filter(content_type__app_label="quiz", codename=PERMISSION).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('quiz', '0005_classes'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='student',
            options={'permissions': (('set_temporary_password', 'Can set a temporary password for a student'),), 'verbose_name': 'student', 'verbose_name_plural': 'students'},
        ),
        migrations.CreateModel(
            name='TemporaryPassword',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('set_at', models.DateTimeField()),
                ('set_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='temporary_password', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'temporary password',
            },
        ),
        migrations.RunPython(teachers_may_set_temporary_passwords, teachers_may_not_set_temporary_passwords),
    ]
