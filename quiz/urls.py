from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from quiz.views import accounts, classes, favicon, health, home, progress, quizzes, reviews

app_name = "quiz"
urlpatterns = [
    path("", home.home, name="home"),
    path("health/", health.health, name="health"),
    path("favicon.ico", favicon.favicon, name="favicon"),
    path("accounts/signup/", accounts.signup, name="signup"),
    path("accounts/login/", accounts.login_view, name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", accounts.password_change, name="password_change"),
    path("classes/join/", classes.join, name="class_join"),
    path("classes/<int:pk>/leave/", classes.leave, name="class_leave"),
    path("quizzes/", quizzes.quiz_start, name="quiz_start"),
    path("attempts/<int:pk>/", quizzes.attempt, name="attempt"),
    path("attempts/<int:pk>/questions/<int:position>/answer/", quizzes.answer, name="answer"),
    path("attempts/<int:pk>/questions/<int:position>/", quizzes.feedback, name="feedback"),
    path("attempts/<int:pk>/retry/", quizzes.retry, name="retry"),
    path("review/", reviews.review, name="review"),
    path("review/cards/<int:pk>/", reviews.rate, name="rate"),
    path("progress/", progress.progress, name="progress"),
]
