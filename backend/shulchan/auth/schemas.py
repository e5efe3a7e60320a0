from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from shulchan.core.schemas import examples

_REFRESH_TOKEN = "EMNzWRnnDeAdWmBl-q-DI98YP-O8GOS5R03HrCLybYc"


class TokenPair(BaseModel):
    model_config = examples(
        {
            "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMWEyMjY3Mi1kZTU2LTc2NTEtOGRlYS1hZWMyM2V"
            "mMmUxMmIiLCJzaWQiOiIwMWEyMjY3My0xOWIyLTcwYjYtYmQ0OS1iMDMwMmZkNjI0MmIiLCJ0eXAiOiJhY2Nlc3MiLCJpYXQiOjE3OTE3"
            "OTU2MDAsImV4cCI6MTc5MTc5NjUwMH0.Q3b1p0bHy6JvX1m9sCq2k8RZx4dW7uTnE5aGfKoL0iM",
            "token_type": "bearer",
            "expires_in": 900,
            "refresh_token": _REFRESH_TOKEN,
        }
    )

    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Seconds until the access token expires.", examples=[900])
    refresh_token: str = Field(description="Opaque; single use. Exchange it at /auth/refresh for a new pair.")


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"refresh_token": _REFRESH_TOKEN}]})

    refresh_token: str = Field(min_length=10, max_length=200)
